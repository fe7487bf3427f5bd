<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlarmNotifier</name>
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>{count} new alarm(s): {parts}</source>
        <translation>新增告警 {count} 条：{parts}</translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <source>Today ({count})</source>
        <translation>今天（{count}）</translation>
    </message>
    <message>
        <source>Tomorrow ({count})</source>
        <translation>明天（{count}）</translation>
    </message>
    <message>
        <source>Later ({count})</source>
        <translation>以后（{count}）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Acknowledgement note (Ctrl+Enter)</source>
        <translation>确认说明（Ctrl+Enter 确认）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Escalate to (person or unit)</source>
        <translation>督办对象（人员或单位）</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>Acknowledged {number}.</source>
        <translation>已确认 {number}。</translation>
    </message>
    <message>
        <source>Escalated {number}.</source>
        <translation>已督办 {number}。</translation>
    </message>
    <message>
        <source>Select an alarm in the table first.</source>
        <translation>请先在表格中选中一条告警。</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>Could not load alarms: </source>
        <translation>无法加载告警：</translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>承办平台</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation>督办对象</translation>
    </message>
    <message>
        <source>Sign for</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>{d}d {h}h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>{h}h {m}m</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>{m}m</source>
        <translation>{m}分</translation>
    </message>
    <message>
        <source>{s}s</source>
        <translation>{s}秒</translation>
    </message>
    <message>
        <source>{span} over</source>
        <translation>超 {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩 {span}</translation>
    </message>
    <message>
        <source>{by}: {note}</source>
        <translation>{by}：{note}</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unknown platform {platform}: use 12345 or 110.</source>
        <translation>未知平台 {platform}：只能是 12345 或 110。</translation>
    </message>
    <message>
        <source>The database was upgraded by a newer console; install it on this seat.</source>
        <translation>数据库已被更新版本的坐席台升级，请在本坐席安装该版本。</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>无法打开数据库 {url}：{reason}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>承办平台</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转派</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>Fed back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>首接负责</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <source>110 police</source>
        <translation>110 报警平台</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation>12345 ⇄ 110 联动坐席台</translation>
    </message>
    <message>
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <source>&amp;Caller number:</source>
        <translation>来电号码(&amp;C)：</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Type a caller number and press Enter (Ctrl+F).</source>
        <translation>输入来电号码后按回车查询（Ctrl+F）。</translation>
    </message>
    <message>
        <source>{phone} is not a phone number.</source>
        <translation>{phone} 不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Looking up {phone}…</source>
        <translation>正在查询 {phone}…</translation>
    </message>
    <message>
        <source>Lookup failed: {error}</source>
        <translation>查询失败：{error}</translation>
    </message>
    <message>
        <source>{count} order(s) from {phone}, newest first.</source>
        <translation>{phone} 共有 {count} 张工单，最新的在前。</translation>
    </message>
    <message>
        <source>No orders from {phone}.</source>
        <translation>{phone} 没有历史工单。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <source>110 police</source>
        <translation>110 报警平台</translation>
    </message>
    <message>
        <source>Seat: {seat}</source>
        <translation>坐席：{seat}</translation>
    </message>
    <message>
        <source>Agent: {agent}</source>
        <translation>话务员：{agent}</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>Orders: {count}</source>
        <translation>工单：{count}</translation>
    </message>
</context>
</TS>
