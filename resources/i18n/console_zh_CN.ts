<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="99"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="106"/>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="107"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="108"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="109"/>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="110"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="111"/>
        <source>Password again:</source>
        <translation>再输一次密码：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="146"/>
        <source>New account: it changes its password at the first sign-in.</source>
        <translation>新建账号：首次登录时须修改密码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="147"/>
        <source>New password for {who}: changed at the next sign-in; a locked account is unlocked.</source>
        <translation>为 {who} 设置新密码：下次登录时须修改；已锁定的账号随即解锁。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="149"/>
        <source>Roles of {who}:</source>
        <translation>{who} 的角色：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="150"/>
        <source>Disable {who}? It can no longer sign in.</source>
        <translation>停用 {who}？停用后不能再登录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="151"/>
        <source>Remove the authenticator app of {who}? It sets one up again at the next sign-in.</source>
        <translation>移除 {who} 的身份验证器？下次登录时须重新绑定。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="155"/>
        <source>Add (Ctrl+Enter)</source>
        <translation>新建 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="156"/>
        <source>Set the password (Ctrl+Enter)</source>
        <translation>设置密码 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="157"/>
        <source>Set the roles (Ctrl+Enter)</source>
        <translation>设置角色 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="158"/>
        <source>Disable (Ctrl+Enter)</source>
        <translation>停用 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="159"/>
        <source>Remove the app (Ctrl+Enter)</source>
        <translation>移除验证器 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="205"/>
        <source>The two passwords differ: type the new password twice.</source>
        <translation>两次输入的密码不一致：请把新密码输入两遍。</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="43"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="43"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="43"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="43"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="44"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="44"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="44"/>
        <source>Password age</source>
        <translation>密码已用</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="45"/>
        <source>One-time code</source>
        <translation>动态口令</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="84"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="84"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="91"/>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="92"/>
        <source> (to change)</source>
        <translation>（待修改）</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="95"/>
        <source>not set up</source>
        <translation>未绑定</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="96"/>
        <source>set up, {left} recovery codes</source>
        <translation>已绑定，余 {left} 个恢复码</translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="42"/>
        <source>(no keyword)</source>
        <translation>（无关键词）</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="32"/>
        <source>Open</source>
        <translation>待会商</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="33"/>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="78"/>
        <source>Name the consultation, e.g. 2026年第4次会商.</source>
        <translation>请填写会商名称，例如 2026年第4次会商。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="79"/>
        <source>Name at least one participant.</source>
        <translation>请至少填写一个参会单位。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="80"/>
        <source>Write the handling norm (处置规范).</source>
        <translation>请填写处置规范。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="81"/>
        <source>A text is longer than 2000 characters.</source>
        <translation>有一项内容超过 2000 字。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="82"/>
        <source>A rule names kinds or keywords (or both).</source>
        <translation>规则须写明诉求类型或关键词（或两者都写）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="83"/>
        <source>A kind, field or district is not in the catalogue.</source>
        <translation>诉求类型、领域或区划不在目录中。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="84"/>
        <source>The department is not in the 12345 dispatch directory.</source>
        <translation>承办单位不在 12345 派单目录中。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="87"/>
        <source>The rule cannot apply before the consultation was held.</source>
        <translation>规则的生效日期不能早于会商日期。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="90"/>
        <source>The last day is before the rule begins.</source>
        <translation>截止日期早于规则生效日期。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="91"/>
        <source>It overlaps rule {rule} with no priority to choose between them: give both a different priority.</source>
        <translation>与规则 {rule} 适用范围重叠且无法按优先级区分：请为两条规则设置不同的优先级。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="95"/>
        <source>This item is already decided.</source>
        <translation>该议题已有会商结论。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="96"/>
        <source>The matter is on the agenda already: item #{item}.</source>
        <translation>该事项已列为会商议题 #{item}。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="97"/>
        <source>There is no such rule.</source>
        <translation>没有这条规则。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="98"/>
        <source>The rule has already ended.</source>
        <translation>该规则已经停止适用。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="99"/>
        <source>The rule was changed meanwhile: read it again.</source>
        <translation>规则已被他人修改，请重新读取。</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="196"/>
        <source>In effect</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="197"/>
        <source>Not yet in effect</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="198"/>
        <source>Expired</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="199"/>
        <source>Superseded</source>
        <translation>已被新版本取代</translation>
    </message>
    <message>
        <location filename="../../console/domain/agenda.py" line="55"/>
        <source>Three-way call</source>
        <translation>三方通话</translation>
    </message>
    <message>
        <location filename="../../console/domain/agenda.py" line="57"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../console/domain/agenda.py" line="59"/>
        <source>Re-dispatched</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../console/domain/agenda.py" line="61"/>
        <source>First contact</source>
        <translation>首接负责</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="81"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="81"/>
        <source>Orders</source>
        <translation>工单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="82"/>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="83"/>
        <source>Examples</source>
        <translation>示例工单</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../console/ui/alarms/banner.py" line="25"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AlarmFilters</name>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="43"/>
        <location filename="../../console/domain/deadline_kinds.py" line="35"/>
        <source>Awaiting sign-for</source>
        <translation>待签收</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="44"/>
        <location filename="../../console/domain/deadline_kinds.py" line="41"/>
        <source>Awaiting feedback</source>
        <translation>待反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="45"/>
        <location filename="../../console/domain/deadline_kinds.py" line="46"/>
        <source>Awaiting completion</source>
        <translation>待办结</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="47"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="56"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="65"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="66"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="67"/>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="68"/>
        <source>Queue:</source>
        <translation>队列：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="69"/>
        <source>Seat:</source>
        <translation>经办坐席：</translation>
    </message>
</context>
<context>
    <name>AlarmNotifier</name>
    <message>
        <location filename="../../console/ui/alarms/notifier.py" line="119"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/notifier.py" line="131"/>
        <source>{count} new alarm(s): {parts}</source>
        <translation>新增告警 {count} 条：{parts}</translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="124"/>
        <source>Today ({count})</source>
        <translation>今天（{count}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="125"/>
        <source>Tomorrow ({count})</source>
        <translation>明天（{count}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="126"/>
        <source>Later ({count})</source>
        <translation>以后（{count}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="155"/>
        <source>Acknowledgement note (Ctrl+Enter)</source>
        <translation>确认说明（Ctrl+Enter 确认）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="157"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="159"/>
        <source>Escalate to (person or unit)</source>
        <translation>督办对象（人员或单位）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="161"/>
        <source>Escalate</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="282"/>
        <source>Acknowledged {number}.</source>
        <translation>已确认 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="289"/>
        <source>Escalated {number}.</source>
        <translation>已督办 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="298"/>
        <source>Select an alarm in the table first.</source>
        <translation>请先在表格中选中一条告警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="330"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="109"/>
        <source>Could not load alarms: </source>
        <translation>无法加载告警：</translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="105"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="106"/>
        <source>Order number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="107"/>
        <source>Kind</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="108"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="109"/>
        <source>Due at</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="110"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="111"/>
        <source>Owner</source>
        <translation>承办平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="112"/>
        <source>Handling seat</source>
        <translation>经办坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="113"/>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="114"/>
        <source>Escalated to</source>
        <translation>督办对象</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="118"/>
        <location filename="../../console/domain/deadline_kinds.py" line="34"/>
        <source>Sign for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="119"/>
        <location filename="../../console/domain/deadline_kinds.py" line="40"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="120"/>
        <location filename="../../console/domain/deadline_kinds.py" line="45"/>
        <source>Completion</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="157"/>
        <location filename="../../console/ui/models/queue_model.py" line="80"/>
        <source>{d}d {h}h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="159"/>
        <location filename="../../console/ui/models/queue_model.py" line="82"/>
        <source>{h}h {m}m</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="161"/>
        <location filename="../../console/ui/models/queue_model.py" line="84"/>
        <source>{m}m</source>
        <translation>{m}分</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="163"/>
        <location filename="../../console/ui/models/queue_model.py" line="86"/>
        <source>{s}s</source>
        <translation>{s}秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="165"/>
        <location filename="../../console/ui/models/queue_model.py" line="88"/>
        <source>{span} over</source>
        <translation>超 {span}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="166"/>
        <location filename="../../console/ui/models/queue_model.py" line="89"/>
        <source>{span} left</source>
        <translation>剩 {span}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="219"/>
        <source>{by}: {note}</source>
        <translation>{by}：{note}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="228"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="229"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="230"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="168"/>
        <source>Record an answer for {number}</source>
        <translation>记录 {number} 的回复</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="168"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="182"/>
        <source>Name and post at the partner</source>
        <translation>联动单位答复人的姓名和职务</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="188"/>
        <source>The partner refused</source>
        <translation>联动单位拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="189"/>
        <source>Partner:</source>
        <translation>联动单位：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="190"/>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="191"/>
        <source>Who answered:</source>
        <translation>答复人：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="192"/>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="193"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="196"/>
        <source>Every partner has answered.</source>
        <translation>所有联动单位均已答复。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../console/app.py" line="188"/>
        <source>Unknown platform {platform}: use 12345 or 110.</source>
        <translation>未知平台 {platform}：只能是 12345 或 110。</translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="270"/>
        <source>Deadline policy: {error}</source>
        <translation>时限政策文件有误：{error}</translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="275"/>
        <source>Business calendar: {error}</source>
        <translation>工作日历文件有误：{error}</translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="280"/>
        <source>Linkage plans: {error}</source>
        <translation>联动预案：{error}</translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="285"/>
        <source>Audit trail: {error}</source>
        <translation>审计留痕：{error}</translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="291"/>
        <source>会商 rules: {error}</source>
        <translation>会商规则文件有误：{error}</translation>
    </message>
    <message>
        <location filename="../../console/app_compose.py" line="177"/>
        <location filename="../../console/app_platform.py" line="296"/>
        <source>Exchange: {error}</source>
        <translation>平台间交换：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_app.py" line="73"/>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation>12345 ⇄ 110 联动坐席台</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="123"/>
        <source>The pair&apos;s second config is of the same platform ({platform}): give the other platform&apos;s.</source>
        <translation>配对的第二个配置文件与本平台相同（{platform}）：请给出另一平台的配置文件。</translation>
    </message>
    <message>
        <location filename="../../console/app_compose.py" line="210"/>
        <source>The database was upgraded by a newer console; install it on this seat.</source>
        <translation>数据库已被更新版本的坐席台升级，请在本坐席安装该版本。</translation>
    </message>
    <message>
        <location filename="../../console/app_compose.py" line="221"/>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>无法打开数据库 {url}：{reason}</translation>
    </message>
</context>
<context>
    <name>ArticleForm</name>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="65"/>
        <source>Save as a new version ({key})</source>
        <translation>另存为新版本 ({key})</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="79"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="80"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="81"/>
        <source>会商 rule:</source>
        <translation>会商规则：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="82"/>
        <source>Kinds:</source>
        <translation>诉求类型：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="83"/>
        <source>Keywords:</source>
        <translation>关键词：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="84"/>
        <source>Valid from:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="85"/>
        <source>Valid to:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="86"/>
        <source>Text:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="100"/>
        <source>{id}, version {version}: a save stores version {next}.</source>
        <translation>{id} 第{version}版：保存后为第{next}版（旧版保留）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="104"/>
        <source>A new article: its id is given when it is saved.</source>
        <translation>新建知识：保存时自动编号。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="51"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="52"/>
        <source>Sign-out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="53"/>
        <source>Failed sign-in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="54"/>
        <source>Locked out</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="55"/>
        <source>Idle lock</source>
        <translation>空闲锁屏</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="56"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="57"/>
        <source>Order step</source>
        <translation>工单操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="58"/>
        <source>Alarm acknowledged</source>
        <translation>告警确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="59"/>
        <source>Escalation</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="60"/>
        <source>Personal data shown</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="61"/>
        <source>Account change</source>
        <translation>账号变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="62"/>
        <source>Role change</source>
        <translation>角色变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="63"/>
        <source>Directory change</source>
        <translation>承办单位目录变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="64"/>
        <source>Policy change</source>
        <translation>策略变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="65"/>
        <source>Configuration change</source>
        <translation>配置变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="66"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="67"/>
        <source>Purge</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="68"/>
        <source>Peer message refused</source>
        <translation>拒收对方平台报文</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="69"/>
        <source>Refused by the peer</source>
        <translation>对方平台拒收</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="70"/>
        <source>Peer connection refused</source>
        <translation>拒绝对方平台连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="71"/>
        <source>Platform split off</source>
        <translation>平台拆分为独立系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="72"/>
        <source>Emergency incident</source>
        <translation>应急联动事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="80"/>
        <source>done</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="81"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="82"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="112"/>
        <source>Row</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="112"/>
        <source>When (China)</source>
        <translation>时间（北京）</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="112"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="112"/>
        <source>Seat</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="113"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="113"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="113"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="113"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="91"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="94"/>
        <source>Show (Enter)</source>
        <translation>查询 (Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="97"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="98"/>
        <source>From:</source>
        <translation>起：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="99"/>
        <source>To:</source>
        <translation>止：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="100"/>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="120"/>
        <source>Older rows</source>
        <translation>更早的记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="123"/>
        <source>Verify the chain</source>
        <translation>校验留痕链</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="165"/>
        <source>{text} is not a date: type it as YYYY-MM-DD.</source>
        <translation>{text} 不是日期：请按 YYYY-MM-DD 输入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="169"/>
        <source>“To” is before “From”.</source>
        <translation>“止”早于“起”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="174"/>
        <location filename="../../console/ui/admin/audit_view.py" line="180"/>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="186"/>
        <source>{count} rows shown, newest first; older rows: Alt+O or scroll down.</source>
        <translation>已显示 {count} 条，最新在前；更早的记录：Alt+O 或向下滚动。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="188"/>
        <source>{count} rows shown, newest first; no older rows.</source>
        <translation>已显示 {count} 条，最新在前；没有更早的记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="196"/>
        <source>Could not read the audit trail: {error}</source>
        <translation>无法读取审计记录：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="217"/>
        <source>Checking the whole chain… {seconds} s</source>
        <translation>正在校验整条留痕链… {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="236"/>
        <source>Could not check the chain: {error}</source>
        <translation>无法校验留痕链：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="243"/>
        <source>The audit trail is empty: nothing to check.</source>
        <translation>审计记录为空：无需校验。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="245"/>
        <source>Intact: {rows} rows; head row {seq}, MAC {mac} (note it elsewhere to compare later: rows cut off the end leave no trace in the chain).</source>
        <translation>完好：共 {rows} 条；末条序号 {seq}，MAC {mac}（请另行记下以便日后比对：从末尾截去的记录在链中不留痕迹）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="249"/>
        <source>BROKEN: row {seq} was changed after it was written.</source>
        <translation>已被破坏：第 {seq} 条写入后被修改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="250"/>
        <source>BROKEN: rows are missing from row {seq} on: deleted behind the console&apos;s back.</source>
        <translation>已被破坏：自第 {seq} 条起有记录缺失，被绕过本系统删除。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="252"/>
        <source>BROKEN: row {seq} does not belong to the chain: inserted (or rewritten with its MAC) behind the console&apos;s back.</source>
        <translation>已被破坏：第 {seq} 条不属于该链，被绕过本系统插入（或连同其 MAC 改写）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="254"/>
        <source>BROKEN: row {seq} was signed with another key: use the key file the site&apos;s seats use.</source>
        <translation>已被破坏：第 {seq} 条由另一密钥签名：请使用本站各坐席所用的密钥文件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="256"/>
        <source>BROKEN at row {seq}.</source>
        <translation>已被破坏：第 {seq} 条。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="257"/>
        <source>({rows} rows read)</source>
        <translation>（已读 {rows} 条）</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="75"/>
        <source>Select an incident first.</source>
        <translation>请先选择一个事件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="98"/>
        <source>Started {number}: {level}.</source>
        <translation>已启动 {number}：{level}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="118"/>
        <source>{number} is now {level}.</source>
        <translation>{number} 现为 {level}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="135"/>
        <source>Answer recorded.</source>
        <translation>已记录回复。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="147"/>
        <source>Select a partner in the grid first.</source>
        <translation>请先在表格中选择一个联动单位。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="157"/>
        <source>{partner} notified again.</source>
        <translation>已重新通知 {partner}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="169"/>
        <source>{number} stood down.</source>
        <translation>{number} 已响应终止。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="202"/>
        <source>Not done: {error}</source>
        <translation>未完成：{error}</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="47"/>
        <source>Seat</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="47"/>
        <source>Agent</source>
        <translation>话务员</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="47"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="47"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="48"/>
        <source>For</source>
        <translation>持续时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="51"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="52"/>
        <source>Not ready</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="53"/>
        <source>On a call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="54"/>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="55"/>
        <source>Logged out</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="57"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="59"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="60"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="61"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="62"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="63"/>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="64"/>
        <source>Answer (F5)</source>
        <translation>接听 (F5)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="66"/>
        <location filename="../../console/ui/seat/call_bar.py" line="139"/>
        <source>No call</source>
        <translation>当前无通话</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="117"/>
        <source>Waiting {count} · longest {wait} · answered within 15 s {share}</source>
        <translation>排队 {count} · 最长等待 {wait} · 15秒接通率 {share}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="128"/>
        <source>{line} line · {number} · waiting {waited}</source>
        <translation>{line} 线路 · {number} · 已等待 {waited}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="144"/>
        <source>on the line</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="145"/>
        <source>on hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="146"/>
        <source>transferring</source>
        <translation>转接中</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="147"/>
        <source>three-way call</source>
        <translation>三方通话</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="148"/>
        <source>transferred in from the peer platform</source>
        <translation>对方平台转入</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="151"/>
        <source>{number} · {state} · {time}</source>
        <translation>{number} · {state} · {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="167"/>
        <source>On hold for {time}: go back to the caller</source>
        <translation>保持已 {time}，请回到来电</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="169"/>
        <source>On hold {time}</source>
        <translation>保持 {time}</translation>
    </message>
</context>
<context>
    <name>CallersTold</name>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="58"/>
        <source>Caller told</source>
        <translation>已告知</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="60"/>
        <source>Tick the selected caller told the result ({key})</source>
        <translation>将所选来电人标记为已告知处理结果（{key}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="106"/>
        <source>Callers to tell the result: {told} of {count} told</source>
        <translation>告知来电人：共 {count} 人，已告知 {told} 人</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="116"/>
        <source>joined from {source}</source>
        <translation>并入自 {source}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="117"/>
        <source>the order&apos;s caller</source>
        <translation>工单来电人</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="128"/>
        <source>✓ Told at {platform} {at} by {by} · {who} · {source}</source>
        <translation>✓ 已告知 · {platform} · {at} · {by} · {who} · {source}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="131"/>
        <source>✓ Told {at} by {by} · {who} · {source}</source>
        <translation>✓ 已告知 {at} {by} · {who} · {source}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="120"/>
        <source>○ Not told yet · {who} · {source}</source>
        <translation>○ 未告知 · {who} · {source}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="141"/>
        <source>Not recorded: {error}</source>
        <translation>未记录：{error}</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <location filename="../../console/ui/reports/card.py" line="37"/>
        <source>Nothing in this period.</source>
        <translation>本期无数据。</translation>
    </message>
</context>
<context>
    <name>ConsultationTab</name>
    <message>
        <location filename="../../console/app_consultation.py" line="34"/>
        <source>Consultation</source>
        <translation>会商</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="111"/>
        <source>Make consultation item</source>
        <translation>列为会商议题</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="113"/>
        <source>Record decision</source>
        <translation>录入会商结论</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="115"/>
        <source>Edit rule</source>
        <translation>修改规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="116"/>
        <source>Retire rule</source>
        <translation>停用规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="123"/>
        <source>Last day it applies:</source>
        <translation>适用截止日期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="124"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="125"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="128"/>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="136"/>
        <source>Agenda</source>
        <translation>争议事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="137"/>
        <source>Consultation items</source>
        <translation>会商议题</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="138"/>
        <source>Rules</source>
        <translation>会商规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="140"/>
        <source>Rule effect</source>
        <translation>规则成效</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="219"/>
        <source>Disputed matters {first} – {last}: {count}</source>
        <translation>争议事项 {first} 至 {last}：{count} 项</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="237"/>
        <source>Could not read: {error}</source>
        <translation>读取失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="259"/>
        <source>Consultation item #{id} made: {matter}.</source>
        <translation>已列为会商议题 #{id}：{matter}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="269"/>
        <source>Choose an open consultation item first.</source>
        <translation>请先选择一个待会商的议题。</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="274"/>
        <source>Decision on item #{id}: {matter}</source>
        <translation>议题 #{id} 的会商结论：{matter}</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="285"/>
        <source>Rule {rule}: a new version after version {version}</source>
        <translation>规则 {rule}：在第 {version} 版之后新增一版</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="299"/>
        <source>Rule {rule}: last day it applies:</source>
        <translation>规则 {rule}：适用截止日期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="367"/>
        <source>, last day {day}</source>
        <translation>，截止 {day}</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="368"/>
        <source>Rule {rule} version {version} stored{until}.</source>
        <translation>规则 {rule} 第 {version} 版已保存{until}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="381"/>
        <source>Not done: {error}</source>
        <translation>未完成：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/follow.py" line="36"/>
        <source>Another seat changed the rules · {key} reads them again</source>
        <translation>另一席位已修改规则 · {key} 重新读取</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../console/ui/crash_dialog.py" line="41"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/crash_dialog.py" line="44"/>
        <source>Something went wrong: {summary}

Your work so far is kept. Please tell IT and give them the log file:
{path}</source>
        <translation>出现意外错误：{summary}

已录入的内容不会丢失。请联系信息技术人员，并提供日志文件：
{path}</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="79"/>
        <source>e.g. 2026年第4次会商</source>
        <translation>例如 2026年第4次会商</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="81"/>
        <location filename="../../console/ui/consultation/decision_form.py" line="83"/>
        <source>separated by 、</source>
        <translation>用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="82"/>
        <source>e.g. 纪要〔2026〕4号</source>
        <translation>例如 纪要〔2026〕4号</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="87"/>
        <source>department code, e.g. 210100-CG</source>
        <translation>承办单位代码，例如 210100-CG</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="90"/>
        <source>Who handles it, and how</source>
        <translation>由谁处置、如何处置</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="93"/>
        <source>empty, or a whole number (higher wins)</source>
        <translation>留空，或填整数（数大者优先）</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="98"/>
        <source>Consultation:</source>
        <translation>会商：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="98"/>
        <source>Held on:</source>
        <translation>会商日期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="99"/>
        <source>Participants:</source>
        <translation>参会单位：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="99"/>
        <source>Minutes:</source>
        <translation>会议纪要：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="100"/>
        <source>Keywords:</source>
        <translation>关键词：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="100"/>
        <source>Responsible platform:</source>
        <translation>责任平台：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="101"/>
        <source>Department:</source>
        <translation>承办单位：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="101"/>
        <source>Handling norm:</source>
        <translation>处置规范：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="102"/>
        <source>Applies from:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="102"/>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="142"/>
        <source>The priority is a whole number, or empty.</source>
        <translation>优先级须为整数，或留空。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="101"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="102"/>
        <source>Linked orders (Enter opens one)</source>
        <translation>关联工单（回车打开）</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="143"/>
        <source>No incident selected.</source>
        <translation>未选择事件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="153"/>
        <source>{level} · {event} · {number}
{place} — {summary}
Started {at} by {by} ({platform})</source>
        <translation>{level} · {event} · {number}
{place} — {summary}
{by}（{platform}）于 {at} 启动</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="160"/>
        <source>Stood down at {time}.</source>
        <translation>已于 {time} 响应终止。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="164"/>
        <source>{drill}: this is an exercise; it is left out of the real figures.</source>
        <translation>{drill}：本事件为演练，不计入实际统计。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="168"/>
        <source>The plan names partners this city&apos;s directory lacks: {kinds} — reach them by phone.</source>
        <translation>预案要求但本市名录中没有的联动单位：{kinds}——请电话联系。</translation>
    </message>
</context>
<context>
    <name>EffectsModel</name>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="148"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="148"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="148"/>
        <source>Since</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="149"/>
        <source>Before, per month</source>
        <translation>之前（每月）</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="149"/>
        <source>After, per month</source>
        <translation>之后（每月）</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="150"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="150"/>
        <source>Months before</source>
        <translation>之前各月</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="151"/>
        <source>Months after</source>
        <translation>之后各月</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="161"/>
        <source>{mean:.1f} ({total} in {months} months)</source>
        <translation>{mean:.1f}（{months} 个月共 {total} 件）</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../../console/domain/emergency.py" line="51"/>
        <source>Natural disaster</source>
        <translation>自然灾害</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="52"/>
        <source>Accident disaster</source>
        <translation>事故灾难</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="53"/>
        <source>Public-health event</source>
        <translation>公共卫生事件</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="54"/>
        <source>Social-security event</source>
        <translation>社会安全事件</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="96"/>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="97"/>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="98"/>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="99"/>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="102"/>
        <source>Level I, extremely serious</source>
        <translation>Ⅰ级 特别重大</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="103"/>
        <source>Level II, serious</source>
        <translation>Ⅱ级 重大</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="104"/>
        <source>Level III, major</source>
        <translation>Ⅲ级 较大</translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="105"/>
        <source>Level IV, general</source>
        <translation>Ⅳ级 一般</translation>
    </message>
</context>
<context>
    <name>EmergencyBoard</name>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="102"/>
        <source>New incident</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="103"/>
        <source>Raise / lower level</source>
        <translation>升级/降级</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="104"/>
        <source>Record answer</source>
        <translation>记录确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="105"/>
        <source>Re-notify</source>
        <translation>重新通知</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="106"/>
        <source>Stand down</source>
        <translation>响应终止</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="108"/>
        <source>Wall mode (Shift+F11)</source>
        <translation>大屏模式 (Shift+F11)</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="208"/>
        <source>Could not load the board: {error}</source>
        <translation>无法加载应急联动看板：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="230"/>
        <source>{active} active incident(s), {overdue} partner(s) overdue</source>
        <translation>响应中事件 {active} 起，超时未确认单位 {overdue} 家</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="234"/>
        <source> · {count} {drill}</source>
        <translation> · {drill} {count} 起</translation>
    </message>
</context>
<context>
    <name>EmergencyWords</name>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="54"/>
        <source>extremely serious</source>
        <translation>特别重大</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="55"/>
        <source>serious</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="56"/>
        <source>major</source>
        <translation>较大</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="57"/>
        <source>general</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="68"/>
        <source>{level} ({colour})</source>
        <translation>{level}（{colour}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="78"/>
        <source>DRILL</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="84"/>
        <source>119 fire and rescue</source>
        <translation>119 消防救援</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="85"/>
        <source>120 ambulance</source>
        <translation>120 急救</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="86"/>
        <source>122 traffic police</source>
        <translation>122 交警</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="87"/>
        <source>Water</source>
        <translation>供水</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="88"/>
        <source>Power</source>
        <translation>供电</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="89"/>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="90"/>
        <source>Heating</source>
        <translation>供热</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="91"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="92"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="93"/>
        <source>Airport</source>
        <translation>机场</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="94"/>
        <source>Highway</source>
        <translation>高速公路</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="95"/>
        <source>Railway</source>
        <translation>铁路</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="96"/>
        <source>Emergency bureau</source>
        <translation>应急管理局</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="103"/>
        <source>queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="104"/>
        <source>waiting</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="105"/>
        <source>OVERDUE</source>
        <translation>超时未确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="106"/>
        <location filename="../../console/ui/emergency/models.py" line="352"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="107"/>
        <location filename="../../console/ui/emergency/models.py" line="353"/>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="108"/>
        <source>released</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="119"/>
        <source>by the channel</source>
        <translation>系统回执</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="120"/>
        <source>by phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="121"/>
        <source>by radio</source>
        <translation>电台</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="122"/>
        <source>in person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="123"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="129"/>
        <source>✔ {ack} acknowledged · ○ {waiting} waiting · ⚠ {overdue} overdue · ✖ {refused} refused</source>
        <translation>✔ 已确认 {ack} · ○ 等待 {waiting} · ⚠ 超时 {overdue} · ✖ 拒绝 {refused}</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="142"/>
        <source>{d}d {hh:02}:{mm:02}</source>
        <translation>{d}天 {hh:02}:{mm:02}</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="350"/>
        <source>started</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="351"/>
        <source>no partner in the directory</source>
        <translation>目录中无该类联动单位</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="354"/>
        <source>notified again</source>
        <translation>重新通知</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="355"/>
        <source>level changed</source>
        <translation>级别调整</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="356"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="357"/>
        <source>order linked</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="358"/>
        <source>stood down</source>
        <translation>响应终止</translation>
    </message>
</context>
<context>
    <name>ExcelExport</name>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="48"/>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="48"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="51"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="71"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="82"/>
        <source>Writing {name}: {done:,} of {total:,} rows</source>
        <translation>正在写入 {name}：第 {done:,} 行，共 {total:,} 行</translation>
    </message>
</context>
<context>
    <name>ExchangeWords</name>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="42"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="44"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="46"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="48"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="49"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="54"/>
        <source>{platform} platform</source>
        <translation>{platform} 平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="62"/>
        <source>Not yet acknowledged by the other platform · {span}</source>
        <translation>对方平台未确认 · 已 {span}</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="69"/>
        <source>{count} step(s) of this order not yet acknowledged; the oldest sent {time}.</source>
        <translation>本工单有 {count} 个步骤对方平台尚未确认，最早一条发出于 {time}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="80"/>
        <source>Refused by the other platform: {why}</source>
        <translation>对方平台拒收：{why}</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="89"/>
        <source>Refused at {time}: the other platform did not take this step.</source>
        <translation>拒收时间 {time}：对方平台未接受此步骤。</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="100"/>
        <source>{peer}: connected</source>
        <translation>{peer}：已连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="104"/>
        <source>{peer}: down {span}</source>
        <translation>{peer}：中断 {span}</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="107"/>
        <source>{peer}: not reached yet</source>
        <translation>{peer}：尚未连通</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="109"/>
        <source> · backlog {count}</source>
        <translation> · 积压 {count} 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="115"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="117"/>
        <source>Exchange with {peer} ({id})</source>
        <translation>与{peer}的数据交换（{id}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="120"/>
        <source>In this state since: {time}</source>
        <translation>此状态始于：{time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="123"/>
        <source>Queued: {count}; the oldest since {time}</source>
        <translation>待发送：{count} 条；最早一条始于 {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="126"/>
        <source>Refused by the other platform: {count}</source>
        <translation>被对方平台拒收：{count} 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="129"/>
        <source>Last acknowledged: {time}</source>
        <translation>最近确认：{time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="135"/>
        <source>Last error: {error}</source>
        <translation>最近错误：{error}</translation>
    </message>
</context>
<context>
    <name>HeldOrders</name>
    <message>
        <location filename="../../console/ui/seat/held_orders.py" line="53"/>
        <source>◷ Held on this seat, not yet in the database: {count} new order(s) (Enter on a line opens it).</source>
        <translation>◷ 暂存在本席位、尚未写入数据库：{count} 张新工单（在其行上按 Enter 打开）。</translation>
    </message>
</context>
<context>
    <name>HeldSteps</name>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="116"/>
        <source>Ctrl+Shift+D dismisses the lines not written, once dealt with.</source>
        <translation>Ctrl+Shift+D 移除已处理的未写入记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="143"/>
        <source>◷ Held: {step} — written when the database is back</source>
        <translation>◷ 暂存：{step} — 数据库恢复后写入</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="146"/>
        <source>the order was changed by another seat meanwhile: redo it if still needed</source>
        <translation>期间该工单已被其他席位修改，未覆盖；如仍需要请重新操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="150"/>
        <source>⚠ Not written: {step} — {why}</source>
        <translation>⚠ 未写入：{step} — {why}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../console/ui/history_model.py" line="43"/>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="44"/>
        <source>Created</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="45"/>
        <source>Kind</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="47"/>
        <source>Owner</source>
        <translation>承办平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="48"/>
        <source>Description</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="20"/>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="21"/>
        <source>Transferred</source>
        <translation>已转派</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="22"/>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="23"/>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="24"/>
        <source>Handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="25"/>
        <source>Fed back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="26"/>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="27"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="28"/>
        <source>First contact</source>
        <translation>首接负责</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="29"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="35"/>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="36"/>
        <source>110 police</source>
        <translation>110 报警平台</translation>
    </message>
</context>
<context>
    <name>HotspotView</name>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="96"/>
        <source>Hot spots of the last 24 hours:</source>
        <translation>近 24 小时热点：</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="105"/>
        <source>Orders behind it (Enter opens one):</source>
        <translation>相关工单（回车打开）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="110"/>
        <source>Verify by:</source>
        <translation>核查派往：</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="112"/>
        <source>Send verification order (Ctrl+Enter)</source>
        <translation>转核查工单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="115"/>
        <source>Feedback due within 24 hours.</source>
        <translation>须在 24 小时内反馈核查意见。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="198"/>
        <source>{open} to verify · {taken} taken up</source>
        <translation>待核查 {open} 个 · 已转核查 {taken} 个</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="204"/>
        <source>Could not load the hot spots: {error}</source>
        <translation>无法读取热点：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="225"/>
        <source>No hot spot in the last 24 hours.</source>
        <translation>近 24 小时没有热点。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="237"/>
        <source>{district} · {what} · {window}</source>
        <translation>{district} · {what} · {window}</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="241"/>
        <source>{count} orders at one address in the window (a repeat: {least} or more).</source>
        <translation>本时段同一地址 {count} 件（热点件：{least} 件及以上）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="248"/>
        <source>{count} orders in the window. Baseline (the same hours of earlier days, newest first): {base} — none before: no threshold, it fired on the minimum count.</source>
        <translation>本时段 {count} 件。基线（前几日同一时段，新→旧）：{base} —— 此前均为零：无阈值，按最少件数预警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="252"/>
        <source>{count} orders in the window. Baseline (the same hours of earlier days, newest first): {base}; mean {mean:.1f}, sd {sd:.1f}, threshold {threshold:.1f}.</source>
        <translation>本时段 {count} 件。基线（前几日同时段，由近及远）：{base}；均值 {mean:.1f}，标准差 {sd:.1f}，阈值 {threshold:.1f}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="259"/>
        <source>✔ Taken up {at} by {by}: verification order {number} to {department}.</source>
        <translation>✔ {by} 于 {at} 转核查：核查工单 {number}，派往 {department}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="264"/>
        <source>○ Not taken up yet.</source>
        <translation>○ 尚未转核查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="273"/>
        <source>Loading the directory…</source>
        <translation>正在读取派单目录…</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="283"/>
        <source>Could not read the department directory: {error}</source>
        <translation>无法读取派单目录：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="319"/>
        <source>Choose the department or government to verify it.</source>
        <translation>请选择负责核查的部门或属地政府。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="328"/>
        <source>Verification order {number} sent to {department}.</source>
        <translation>核查工单 {number} 已派往 {department}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="337"/>
        <source>Not sent: {error}</source>
        <translation>未派出：{error}</translation>
    </message>
</context>
<context>
    <name>HotspotWords</name>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="32"/>
        <source>kind</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="33"/>
        <source>field</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="34"/>
        <source>keyword group</source>
        <translation>关键词组</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="35"/>
        <source>one address (repeats)</source>
        <translation>同一地址（热点件）</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="43"/>
        <source>repeats ≥ {least}</source>
        <translation>重复 ≥ {least} 件</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="45"/>
        <source>— no baseline: minimum count</source>
        <translation>— 无基线：按最少件数</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="51"/>
        <source>✔ taken up: {number}</source>
        <translation>✔ 已转核查：{number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="54"/>
        <source>○ to verify</source>
        <translation>○ 待核查</translation>
    </message>
</context>
<context>
    <name>HotspotsModel</name>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="70"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="70"/>
        <source>Window</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="70"/>
        <source>District</source>
        <translation>区划</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="70"/>
        <source>By</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="71"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="71"/>
        <source>Orders</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="71"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="28"/>
        <source>Peer signed for</source>
        <translation>对方已签收</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="29"/>
        <source>Peer fed back</source>
        <translation>对方已反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="30"/>
        <source>Peer returned</source>
        <translation>对方已退回</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="31"/>
        <source>Peer refused</source>
        <translation>对方拒收退回</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="32"/>
        <source>Awaiting completion</source>
        <translation>待办结</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="33"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="44"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="44"/>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="44"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="44"/>
        <source>Who</source>
        <translation>对方坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="45"/>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="45"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="97"/>
        <location filename="../../console/ui/models/inbox_model.py" line="107"/>
        <source>due {time}</source>
        <translation>时限 {time}</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../console/ui/seat/inbox_view.py" line="52"/>
        <location filename="../../console/ui/seat/inbox_view.py" line="128"/>
        <source>Nothing needs this seat.</source>
        <translation>本坐席暂无待办。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/inbox_view.py" line="106"/>
        <source>Cannot read the inbox: {error}</source>
        <translation>无法读取待办：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/inbox_view.py" line="123"/>
        <source>{new} new · {total} in all · {awaiting} awaiting completion</source>
        <translation>新 {new} 条 · 共 {total} 条 · 待办结 {awaiting} 件</translation>
    </message>
</context>
<context>
    <name>IncidentAlarmStrip</name>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="74"/>
        <source>Acknowledgement note (partner alarm)</source>
        <translation>确认说明（联动单位告警，回车确认）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="78"/>
        <source>Acknowledge partner alarm</source>
        <translation>确认联动单位告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="93"/>
        <source>Acknowledged: {partner} ({number}).</source>
        <translation>已确认：{partner}（{number}）。</translation>
    </message>
</context>
<context>
    <name>IncidentAlarms</name>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="46"/>
        <source>Level {numeral}</source>
        <translation>{numeral}级</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="47"/>
        <source>Partner overdue: {partner} · {number} {level} · notice {attempt} · raised {time}</source>
        <translation>联动单位超时未确认：{partner} · {number} {level} · 第 {attempt} 次通知 · 告警于 {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="53"/>
        <source>[Drill] {text}</source>
        <translation>【演练】{text}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="55"/>
        <source>{text} (acknowledged by {by}: {note})</source>
        <translation>{text}（{by} 已确认：{note}）</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="59"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
</context>
<context>
    <name>IncidentOffer</name>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="62"/>
        <source>{d} d {h} h ago</source>
        <translation>{d} 天 {h} 小时前</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="64"/>
        <source>{h} h {m} min ago</source>
        <translation>{h} 小时 {m} 分钟前</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="66"/>
        <source>{m} min ago</source>
        <translation>{m} 分钟前</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="67"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="75"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="198"/>
        <source>Will be linked to incident {number} when the database is back.</source>
        <translation>数据库恢复后将关联突发事件 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="200"/>
        <source>Linked to incident {number}.</source>
        <translation>已关联突发事件 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="205"/>
        <source>Not linked to incident {number}: {why} The order {order} is saved.</source>
        <translation>未能关联突发事件 {number}：{why}工单 {order} 已保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="213"/>
        <source>Linked to incident {number} (Ctrl+L unlinks)</source>
        <translation>已关联突发事件 {number}（Ctrl+L 取消关联）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="216"/>
        <source>Active incidents in the caller&apos;s city: Ctrl+L links this order to the selected one</source>
        <translation>本市进行中的突发事件：按 Ctrl+L 将本工单关联到所选事件</translation>
    </message>
</context>
<context>
    <name>IncidentsModel</name>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="71"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="72"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="73"/>
        <source>Event type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="74"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="75"/>
        <source>Elapsed</source>
        <translation>已持续</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="76"/>
        <source>Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="77"/>
        <source>Partners</source>
        <translation>联动单位</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="144"/>
        <source>stood down {time}</source>
        <translation>{time} 终止</translation>
    </message>
</context>
<context>
    <name>IntakeAssist</name>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="36"/>
        <source>Suggested: transfer to {platform}</source>
        <translation>建议：转 {platform}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="40"/>
        <source>Suggested: handle here ({platform})</source>
        <translation>建议：本平台办理（{platform}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="45"/>
        <source>, department: {department}</source>
        <translation>，承办单位：{department}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="54"/>
        <source>matched: {keywords}</source>
        <translation>命中：{keywords}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="60"/>
        <source>handling norm: {norm}</source>
        <translation>处置规范：{norm}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="63"/>
        <source>becomes there: {kinds}</source>
        <translation>对方平台类型：{kinds}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="69"/>
        <source>also matching: {rules}</source>
        <translation>同时命中：{rules}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="77"/>
        <source>No 会商 rule or list item matches, and no past order of this matter in the last {days} days.</source>
        <translation>无匹配的会商规则或互转清单事项，近 {days} 天也无同类工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="81"/>
        <source>No 会商 rule matches. Of {total} past orders with similar text (last {days} days):</source>
        <translation>无匹配的会商规则。近 {days} 天内容相近的工单 {total} 件：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="84"/>
        <source>No 会商 rule matches. Of {total} past orders of this matter (last {days} days):</source>
        <translation>无匹配的会商规则。近 {days} 天同类工单 {total} 件：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="87"/>
        <source>{share} stayed at {platform} ({count}), {peer_share} went to {peer} ({peer_count})</source>
        <translation>{platform}办理 {share}（{count} 件），转{peer} {peer_share}（{peer_count} 件）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="98"/>
        <source>; departments: {list}</source>
        <translation>；承办单位：{list}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="104"/>
        <source>same caller</source>
        <translation>同一来电人</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="105"/>
        <source>same address</source>
        <translation>同一地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="106"/>
        <source>same district and kind, similar text</source>
        <translation>同区划同类型、内容相近</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="126"/>
        <source>text {alike} alike</source>
        <translation>相似度 {alike}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="137"/>
        <source>Accept (Ctrl+G)</source>
        <translation>采纳(Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="138"/>
        <source>✓ Accepted</source>
        <translation>✓ 已采纳</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="145"/>
        <source>Likely duplicates, best first:</source>
        <translation>疑似重复工单（最相近在前）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="148"/>
        <source>Caller joins selected (Ctrl+J)</source>
        <translation>来电人并入所选工单(Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="220"/>
        <source>Suggested transfer accepted: F8 transfers the caller with it.</source>
        <translation>已采纳转派建议：按 F8 将来电人连同工单转接。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="230"/>
        <source>Select the order the caller joins (Alt+V, then the arrow keys), then Ctrl+J.</source>
        <translation>请先选择要并入的工单（Alt+V，再用方向键），然后按 Ctrl+J。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="236"/>
        <source>Joining {number}…</source>
        <translation>正在并入 {number}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="301"/>
        <source>The caller joined {number} as another caller ({count} callers about it in the window); no new order was created.</source>
        <translation>来电人已作为新增来电人并入 {number}（时段内共 {count} 位来电人），未新建工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="305"/>
        <source>Repeated-request warning raised for the shift lead.</source>
        <translation>已向值班长发出重复诉求预警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="313"/>
        <source>Not joined: {error}. Everything typed is still here.</source>
        <translation>未并入：{error}。已填写的内容均保留。</translation>
    </message>
</context>
<context>
    <name>IntakeFields</name>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="77"/>
        <source>Street, compound, building and door number</source>
        <translation>街道、小区、楼栋及门牌号</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="82"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="83"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="84"/>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="91"/>
        <source>Affects social stability</source>
        <translation>涉及社会稳定</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="94"/>
        <source>Caller agreed to be transferred</source>
        <translation>已与诉求人协商同意转接</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="120"/>
        <source>Phone</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="120"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="121"/>
        <source>Kind</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="121"/>
        <source>Field</source>
        <translation>所属领域</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="122"/>
        <source>District</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="122"/>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="123"/>
        <source>Description</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="93"/>
        <source>Will be passed to 110 at once</source>
        <translation>将第一时间转交110</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="70"/>
        <source>Choose (type its number)</source>
        <translation>请选择（可按序号键）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="126"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="98"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="197"/>
        <source>A saved draft could not be read and was moved to {path}.</source>
        <translation>草稿文件无法读取，已移至 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="123"/>
        <source>Restore (Ctrl+R)</source>
        <translation>恢复（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="124"/>
        <source>Set aside (Ctrl+Shift+R)</source>
        <translation>另存不恢复（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="182"/>
        <source>Restored the unsaved draft of this call ({caller}, {time}).</source>
        <translation>已恢复本次来电未保存的草稿（{caller}，{time}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="205"/>
        <source>Restore the unsaved draft (call from {caller}, {time})?</source>
        <translation>恢复未保存的草稿（来电 {caller}，{time}）？</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="219"/>
        <source>Restored the unsaved draft (call from {caller}, {time}).</source>
        <translation>已恢复未保存的草稿（来电 {caller}，{time}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="236"/>
        <source>The unsaved draft (call from {caller}, {time}) was kept in {path}.</source>
        <translation>未保存的草稿（来电 {caller}，{time}）已另存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="254"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="269"/>
        <source>Not saved: {error}. Everything typed is still here; press Ctrl+S to try again.</source>
        <translation>未保存：{error}。已填写的内容都还在，请按 Ctrl+S 重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="278"/>
        <source>Saved as {number}. Changes made while saving are still in the form: check them before saving again.</source>
        <translation>已保存为 {number}。保存期间的修改仍在表单中，请核对后再保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="283"/>
        <source>Saved as {number}.</source>
        <translation>已保存，工单号 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="310"/>
        <source>Not saved: correct what is marked in red.</source>
        <translation>未保存：请修改标红的内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="319"/>
        <source>Enter the caller&apos;s phone number</source>
        <translation>请填写来电号码</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="320"/>
        <source>Not a phone number: mobile, landline (area code optional) or service number</source>
        <translation>号码格式不正确：应为手机号、固定电话（可带区号）或服务号码</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="321"/>
        <source>Holds characters that cannot be stored (a NUL or a broken character): type it again</source>
        <translation>含有无法保存的字符（空字符或残缺的字符），请重新输入</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="322"/>
        <source>Name: at most {max} characters</source>
        <translation>姓名不超过{max}个字</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="323"/>
        <source>Choose a kind of request</source>
        <translation>请选择诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="324"/>
        <source>“{kind}” is not a kind of the {platform} platform</source>
        <translation>“{kind}”不是{platform}平台的诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="325"/>
        <source>Choose a field</source>
        <translation>请选择所属领域</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="326"/>
        <source>Orders of the {platform} platform have no field</source>
        <translation>{platform}平台的工单不分领域</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="327"/>
        <source>Choose a district from the list</source>
        <translation>请从列表中选择所在地区</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="328"/>
        <source>Address: at most {max} characters</source>
        <translation>地址不超过{max}个字</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="329"/>
        <source>Describe the request</source>
        <translation>请填写诉求内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="330"/>
        <source>At most {max} characters (now {length})</source>
        <translation>不超过{max}个字（现为{length}个字）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="331"/>
        <source>Choose a priority: normal, urgent or critical</source>
        <translation>请选择紧急程度：一般、紧急或特急</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="369"/>
        <source>The draft could not be kept on disk ({reason}); save the order soon.</source>
        <translation>草稿无法保存到磁盘（{reason}），请尽快保存工单。</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="96"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="96"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="96"/>
        <source>Orders</source>
        <translation>工单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="97"/>
        <source>Disputes</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="97"/>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="97"/>
        <source>Examples</source>
        <translation>示例工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="98"/>
        <source>Put on by</source>
        <translation>提出人</translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <location filename="../../console/domain/knowledge.py" line="44"/>
        <source>Policy answer</source>
        <translation>政策解答</translation>
    </message>
    <message>
        <location filename="../../console/domain/knowledge.py" line="45"/>
        <source>Handling norm</source>
        <translation>处置规范</translation>
    </message>
    <message>
        <location filename="../../console/domain/knowledge.py" line="46"/>
        <source>Consultation result</source>
        <translation>会商结果</translation>
    </message>
</context>
<context>
    <name>KnowledgePane</name>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="48"/>
        <source>valid from {start}</source>
        <translation>{start} 起有效</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="49"/>
        <source>valid {start} to {end}</source>
        <translation>有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="78"/>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="86"/>
        <source>Cite on the order ({key})</source>
        <translation>引用到工单 ({key})</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="88"/>
        <source>Record that this article answered the caller ({key})</source>
        <translation>记录本条知识已用于答复来电人 ({key})</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="135"/>
        <source>The knowledge base could not be searched: {error}</source>
        <translation>无法检索知识库：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="155"/>
        <source>No article for what is typed yet.</source>
        <translation>暂无与所填内容相关的知识。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="162"/>
        <source> · demo</source>
        <translation> · 演示</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="163"/>
        <source> · rule {rule}</source>
        <translation> · 规则 {rule}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="182"/>
        <source>Choose an article in the list first.</source>
        <translation>请先在列表中选择一条知识。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="184"/>
        <source>Citing {article}…</source>
        <translation>正在引用 {article}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="192"/>
        <source>{article} will be cited on {number} when the database is back.</source>
        <translation>{article} 将在数据库恢复后引用到 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="194"/>
        <source>{article} cited on order {number}.</source>
        <translation>已将 {article} 引用到工单 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="201"/>
        <source>Not cited: {why}</source>
        <translation>未引用：{why}</translation>
    </message>
</context>
<context>
    <name>KnowledgeView</name>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="57"/>
        <source>New article</source>
        <translation>新建知识</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="59"/>
        <source>Articles</source>
        <translation>知识列表</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="71"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="71"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="71"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="72"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="72"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="72"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="113"/>
        <source>Could not read the articles: {error}</source>
        <translation>无法读取知识：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="124"/>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="140"/>
        <source>in effect</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="141"/>
        <source>not yet</source>
        <translation>未生效</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="141"/>
        <source>expired</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="176"/>
        <source>Saved {id}, version {version}.</source>
        <translation>已保存 {id} 第{version}版。</translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="127"/>
        <source>Change the level of {number}</source>
        <translation>调整 {number} 的响应级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="128"/>
        <source>Change level</source>
        <translation>调整级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="139"/>
        <source>Why: what changed on the ground</source>
        <translation>原因：现场情况有何变化</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="140"/>
        <source>Now:</source>
        <translation>当前：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="141"/>
        <source>New level:</source>
        <translation>新级别：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="142"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>LinkAlarm</name>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="30"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="32"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="33"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="38"/>
        <source>(not named yet)</source>
        <translation>（尚未登记）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="39"/>
        <source>Peer platform {peer}: {count} message(s) unacknowledged, the oldest {age}</source>
        <translation>对方平台 {peer} 未确认报文 {count} 条，最久 {age}</translation>
    </message>
</context>
<context>
    <name>LinkAlarmStrip</name>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="63"/>
        <source>Acknowledgement note (link alarm)</source>
        <translation>确认说明（链路告警）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="65"/>
        <source>Acknowledge link alarm</source>
        <translation>确认链路告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="103"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="119"/>
        <source>{mark} Link alarm: {text}</source>
        <translation>{mark} 链路告警：{text}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="124"/>
        <source>(acknowledged by {by}: {note})</source>
        <translation>（{by} 已确认：{note}）</translation>
    </message>
</context>
<context>
    <name>LinkageBar</name>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="78"/>
        <source>Three-way call (F9)</source>
        <translation>三方通话 (F9)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="80"/>
        <source>Send as dispatched order, keep the caller (F10)</source>
        <translation>工单互派，保留来电 (F10)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="82"/>
        <source>The caller agrees: transfer (F10)</source>
        <translation>诉求人同意，转接 (F10)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="84"/>
        <source>Record the outcome (F11)</source>
        <translation>记录结果 (F11)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="86"/>
        <source>Open the order (F12)</source>
        <translation>打开工单 (F12)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="88"/>
        <source>Cancel the transfer (F4)</source>
        <translation>取消转接 (F4)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="90"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="159"/>
        <source>Three-way call: ringing the {line} line, {left} s left. F4 calls it off; the caller stays with you.</source>
        <translation>三方通话：正在呼叫{line}，剩余 {left} 秒。按 F4 取消，来电人仍由您接听。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="162"/>
        <source>Transferring order {number} to the {line} line: ringing, {left} s left. F4 calls it off; the caller stays with you.</source>
        <translation>正在将工单 {number} 转接{line}：振铃中，剩余 {left} 秒。按 F4 取消，来电人仍由您接听。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="177"/>
        <source>{why} The transfer was not tried. The caller is still with you: keep the caller and send order {number} as a dispatched order (互派), or press F8 again once a seat is free.</source>
        <translation>{why}未发起转接。来电人仍由您接听：可保留来电人并将工单 {number} 互派给对方签收，或待有空闲坐席时再按 F8。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="182"/>
        <source>{why} The transfer was not tried; the caller is still with you.</source>
        <translation>{why}未发起转接，来电人仍由您接听。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="187"/>
        <source>nobody answered</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="187"/>
        <source>the line is busy</source>
        <translation>对方忙</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="188"/>
        <source>the peer rejected it</source>
        <translation>对方拒接</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="192"/>
        <source>The transfer did not go through ({why}). The caller is still with you: start a three-way call, or keep the caller and send order {number} as a dispatched order (互派) for the peer to sign for.</source>
        <translation>转接未成功（{why}），来电仍在您的线路上：可发起三方通话，或保留来电并将工单 {number} 以互派方式发给对方签收。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="198"/>
        <source>The peer line did not join ({why}). The caller is still with you.</source>
        <translation>对方线路未接入（{why}），来电仍在您的线路上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="203"/>
        <source>Order {number}: ask the caller whether they agree to be transferred (与诉求方协商). If they agree, transfer; if not, keep the matter or start a three-way call.</source>
        <translation>工单 {number}：请与诉求人协商是否同意转接。同意则转接；不同意可由本平台受理或发起三方通话。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="210"/>
        <source>Order {number} is a social-stability clue: transfer it to 110 now (F8), top priority.</source>
        <translation>工单 {number} 为影响社会稳定的线索：请立即按 F8 转110，特急处置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="217"/>
        <source>Three-way call with the peer platform on order {number}: when it is settled, record who takes it.</source>
        <translation>与对方平台三方通话中（工单 {number}）：协商确定后请记录由谁受理。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="221"/>
        <source>Three-way call with the peer platform. Save the order to record the outcome.</source>
        <translation>与对方平台三方通话中。保存工单后可记录结果。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="228"/>
        <source>Three-way call from the peer platform on order {number}: the peer seat records who takes it.</source>
        <translation>对方平台发起的三方通话（工单 {number}）：由对方坐席记录受理结果。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="232"/>
        <source>Three-way call from the peer platform.</source>
        <translation>对方平台发起的三方通话。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="236"/>
        <source>A caller came from the peer platform with order {number}: sign for it.</source>
        <translation>对方平台转来来电及工单 {number}，请签收。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="241"/>
        <source>Order {number} went to the peer platform; it must sign for it in time.</source>
        <translation>工单 {number} 已发往对方平台，待对方在时限内签收。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="264"/>
        <source>{peer} signed for order {number}. What it does next comes to your Inbox (Alt+X).</source>
        <translation>{peer} 已签收工单 {number}，后续处理会进入您的待办（Alt+X）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="266"/>
        <source>{peer} signed for order {number} and is handling it. What it does next comes to your Inbox (Alt+X).</source>
        <translation>{peer} 已签收工单 {number}，正在处置，后续处理会进入您的待办（Alt+X）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="268"/>
        <source>{peer} fed back on order {number}: it awaits your 办结 (Inbox, Alt+X).</source>
        <translation>{peer} 已反馈工单 {number}：待您办结（待办，Alt+X）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="270"/>
        <source>{peer} returned order {number}: see your Inbox (Alt+X).</source>
        <translation>{peer} 已退回工单 {number}：请查看待办（Alt+X）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="291"/>
        <source>The three-way call on order {number} ended: record who takes it.</source>
        <translation>工单 {number} 的三方通话已结束：请记录由谁接手。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="91"/>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation>12345 ⇄ 110 联动坐席台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="119"/>
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="124"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="125"/>
        <source>Type a caller number and press Enter (Ctrl+F).</source>
        <translation>输入来电号码后按回车查询（Ctrl+F）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="122"/>
        <source>Caller number:</source>
        <translation>来电号码：</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="157"/>
        <source>Seat</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="159"/>
        <location filename="../../console/ui/main_window.py" line="279"/>
        <source>Inbox</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="161"/>
        <source>Queues</source>
        <translation>工单队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="162"/>
        <source>Caller lookup</source>
        <translation>来电查询</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="164"/>
        <source>Order detail</source>
        <translation>工单详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="166"/>
        <location filename="../../console/ui/main_window.py" line="271"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="168"/>
        <source>Seat board</source>
        <translation>坐席看板</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="170"/>
        <location filename="../../console/ui/main_window.py" line="288"/>
        <source>Emergency</source>
        <translation>应急联动</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="172"/>
        <source>Hot spots</source>
        <translation>热点</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="179"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="233"/>
        <source>{platform} seat {seat} · 12345 ⇄ 110 linkage console</source>
        <translation>{platform} 坐席 {seat} · 12345 ⇄ 110 联动坐席台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="313"/>
        <source>{phone} is not a phone number.</source>
        <translation>{phone} 不是有效的电话号码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="316"/>
        <source>Looking up {phone}…</source>
        <translation>正在查询 {phone}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="329"/>
        <source>Lookup failed: {error}</source>
        <translation>查询失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="337"/>
        <source>{count} order(s) from {phone}, newest first.</source>
        <translation>{phone} 共有 {count} 张工单，最新的在前。</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="341"/>
        <source>No orders from {phone}.</source>
        <translation>{phone} 没有历史工单。</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="105"/>
        <source>Nothing for this seat to do on this order now.</source>
        <translation>本坐席当前对此工单无可办理事项。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="114"/>
        <source>Choose the 110 kind</source>
        <translation>选择110警情类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="118"/>
        <source>12345 takes it</source>
        <translation>由12345受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="119"/>
        <source>110 takes it</source>
        <translation>由110受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="121"/>
        <source>Neither: first-contact responsibility</source>
        <translation>均不受理：首接负责</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="125"/>
        <source>Provisional acceptance (先行受理)</source>
        <translation>先行受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="127"/>
        <source>Guidance given (合理引导)</source>
        <translation>合理引导和解释</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="129"/>
        <source>The caller agrees to the transfer (与诉求方协商同意)</source>
        <translation>诉求人同意转接（已与诉求方协商）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="138"/>
        <source>Confirm (Ctrl+Enter)</source>
        <translation>确定 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="139"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="144"/>
        <source>Department:</source>
        <translation>承办单位：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="145"/>
        <source>110 kind:</source>
        <translation>110警情类别：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="146"/>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="147"/>
        <source>First contact:</source>
        <translation>首接负责：</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="191"/>
        <source>Send to {platform}</source>
        <translation>转派至{platform}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="186"/>
        <location filename="../../console/ui/seat/order_actions.py" line="248"/>
        <source>This order changed meanwhile: this step is no longer possible. Your note is kept; copy it or close.</source>
        <translation>工单已被更新，此步骤已不可办理。您填写的说明仍保留，可复制后关闭。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="199"/>
        <source>{action}: work order {number}</source>
        <translation>{action}：工单 {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="211"/>
        <source>Note (required):</source>
        <translation>说明（必填）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="211"/>
        <source>Note (optional):</source>
        <translation>说明（选填）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="257"/>
        <source>The directory is still loading; a moment, please.</source>
        <translation>派单目录正在读取，请稍候。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="260"/>
        <source>Choose the department to dispatch to.</source>
        <translation>请选择承办单位。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="266"/>
        <source>Choose the 110 kind of the linked order.</source>
        <translation>请选择联动110工单的警情类别。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="276"/>
        <source>Write the note first: this step needs it.</source>
        <translation>此步骤须填写说明。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="280"/>
        <source>The note is too long ({count} characters; at most {most}).</source>
        <translation>说明过长（{count} 字，最多 {most} 字）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="286"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="315"/>
        <source>Not done: {reason}</source>
        <translation>未办理：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="350"/>
        <source>Loading the directory…</source>
        <translation>正在读取派单目录…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="354"/>
        <source>Could not read the department directory: {error}</source>
        <translation>无法读取派单目录：{error}</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="173"/>
        <source>What was done, as the caller will hear it</source>
        <translation>办理情况（将告知诉求人）</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="169"/>
        <source>The department&apos;s progress report</source>
        <translation>承办单位的处置进展</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="185"/>
        <source>Why it is returned</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="213"/>
        <source>The department&apos;s report: dispute escalating, crime suspected…</source>
        <translation>承办单位报告：矛盾升级、涉嫌违法犯罪…</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="199"/>
        <source>Why: what the three parties agreed</source>
        <translation>原因：三方协商结果</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="206"/>
        <source>What was accepted, or what the caller was told</source>
        <translation>先行受理的内容，或向诉求人解释的内容</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="221"/>
        <source>Why it is cancelled</source>
        <translation>撤销原因</translation>
    </message>
</context>
<context>
    <name>OrderCiter</name>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="227"/>
        <source>{article} will be cited when the order is saved.</source>
        <translation>工单保存后将引用 {article}。</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="134"/>
        <source>No order shown.</source>
        <translation>未显示工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="33"/>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="33"/>
        <source>Origin → owner</source>
        <translation>受理平台 → 承办平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="34"/>
        <location filename="../../console/ui/seat/order_timeline.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="34"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="35"/>
        <source>Kind</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="35"/>
        <source>Field</source>
        <translation>所属领域</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="36"/>
        <source>District</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="36"/>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="37"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="37"/>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="38"/>
        <source>Created</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="39"/>
        <source>First-contact mode</source>
        <translation>首接方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="40"/>
        <source>Social stability</source>
        <translation>涉及社会稳定</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="41"/>
        <source>Consent to transfer</source>
        <translation>同意转接</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="121"/>
        <source>{due} (held, not yet written)</source>
        <translation>{due}（暂存，未写入）</translation>
    </message>
    <message>
        <location filename="../../console/domain/deadline_kinds.py" line="35"/>
        <source>Sign-for due</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location filename="../../console/domain/deadline_kinds.py" line="41"/>
        <source>Feedback due</source>
        <translation>反馈时限</translation>
    </message>
    <message>
        <location filename="../../console/domain/deadline_kinds.py" line="46"/>
        <source>Completion due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="62"/>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="50"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="50"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="51"/>
        <source>Seat</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="51"/>
        <source>Agent</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="52"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="53"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="74"/>
        <source>◷ {action} (held, not yet written)</source>
        <translation>◷ {action}（暂存，未写入）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="98"/>
        <source>Enter: open {number}</source>
        <translation>回车：打开 {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="182"/>
        <source>Description:</source>
        <translation>诉求内容：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="192"/>
        <source>Timeline (newest first):</source>
        <translation>办理过程（最新在上）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="193"/>
        <source>The caller&apos;s other orders:</source>
        <translation>该来电人的其他工单：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="207"/>
        <source>Loading {number}…</source>
        <translation>正在加载 {number}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="254"/>
        <location filename="../../console/ui/seat/order_detail.py" line="362"/>
        <source>Work order {number}</source>
        <translation>工单 {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="256"/>
        <source> (held on this seat, not yet in the database)</source>
        <translation>（暂存在本席位，尚未写入数据库）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="271"/>
        <location filename="../../console/ui/seat/held_orders.py" line="56"/>
        <location filename="../../console/ui/models/queue_model.py" line="342"/>
        <source>{status} (held, not yet written)</source>
        <translation>{status}（暂存，未写入）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="76"/>
        <source>⚠ The database connection is lost: this is the copy this seat read at {time}; it may have changed since.</source>
        <translation>⚠ 数据库连接中断：这是本席位 {time} 读取的副本，此后可能已有变化。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="80"/>
        <source>◷ Held on this seat: this order is not yet in the database. It gets its number when the database is back; steps taken on it are held after it.</source>
        <translation>◷ 暂存在本席位：此工单尚未写入数据库，数据库恢复后写入并获得工单编号；在其上办理的步骤随后依次暂存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="84"/>
        <source>◷ Shown as it will be once written: {count} held step(s) not yet in the database (marked on the timeline).</source>
        <translation>◷ 按写入后的样子显示：{count} 个暂存步骤尚未写入数据库（时间线上已标出）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="83"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="83"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="351"/>
        <source>There is no work order {number}.</source>
        <translation>没有工单 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="355"/>
        <source>Could not load {number}: {error}</source>
        <translation>无法加载 {number}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="363"/>
        <source>Order on its way from the other platform…</source>
        <translation>工单传输中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="383"/>
        <source>Held as {label}: written when the database is back.</source>
        <translation>已暂存为 {label}：数据库恢复后写入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="115"/>
        <source>12345 takes it</source>
        <translation>由12345受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="116"/>
        <source>110 takes it</source>
        <translation>由110受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="117"/>
        <source>first-contact responsibility</source>
        <translation>首接负责</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="120"/>
        <source>linked order {number}</source>
        <translation>联动工单 {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="78"/>
        <location filename="../../console/ui/models/queue_model.py" line="362"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="79"/>
        <location filename="../../console/ui/models/queue_model.py" line="363"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="80"/>
        <location filename="../../console/ui/models/queue_model.py" line="364"/>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="81"/>
        <source>Provisional acceptance</source>
        <translation>先行受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="82"/>
        <source>Guidance and explanation</source>
        <translation>合理引导和解释</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="147"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="190"/>
        <source>Transfer</source>
        <translation>转派</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="149"/>
        <source>Sign for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="156"/>
        <source>Handle</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="172"/>
        <source>Feed back</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="177"/>
        <source>Complete</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="183"/>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="204"/>
        <source>First contact</source>
        <translation>首接负责</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="218"/>
        <source>Cancel</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="230"/>
        <source>Merged into</source>
        <translation>并单</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="235"/>
        <source>Caller joined</source>
        <translation>并入来电人</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="240"/>
        <source>Unmerged</source>
        <translation>拆单</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="245"/>
        <source>Caller split off</source>
        <translation>拆出来电人</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="162"/>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="152"/>
        <source>Department signs for</source>
        <translation>部门签收</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="168"/>
        <source>Progress</source>
        <translation>处置进展</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="211"/>
        <source>Escalate to 110</source>
        <translation>联动110派警</translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="196"/>
        <source>Three-way outcome</source>
        <translation>三方通话结果</translation>
    </message>
</context>
<context>
    <name>OrderMerge</name>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="92"/>
        <source>Merge into… (并单, {key})</source>
        <translation>并单…（{key}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="95"/>
        <source>Unmerge (拆单, {key})</source>
        <translation>拆单（{key}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="120"/>
        <source>The order number, or pick one above</source>
        <translation>工单编号，或在上方选择</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="123"/>
        <source>Why these are one matter</source>
        <translation>为何属同一诉求</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="127"/>
        <source>Confirm (Ctrl+Enter)</source>
        <translation>确定 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="128"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="131"/>
        <source>Likely duplicates:</source>
        <translation>疑似重复工单：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="132"/>
        <source>Merge into:</source>
        <translation>并入工单：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="136"/>
        <source>Note (optional):</source>
        <translation>说明（选填）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="166"/>
        <source>Merge work order {number} into another (并单)</source>
        <translation>并单：将工单 {number} 并入另一工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="167"/>
        <source>Unmerge work order {number} from {into} (拆单)</source>
        <translation>拆单：将工单 {number} 从 {into} 拆出</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="198"/>
        <source>Choose or type the order to merge into.</source>
        <translation>请选择或输入要并入的工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="202"/>
        <source>The note is too long ({count} characters; at most {most}).</source>
        <translation>说明过长（{count} 字，最多 {most} 字）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="212"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="247"/>
        <source>Looking for likely duplicates…</source>
        <translation>正在查找疑似重复工单…</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="269"/>
        <source>No likely duplicates among open orders: type the number.</source>
        <translation>未办结工单中没有疑似重复：请输入工单编号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="274"/>
        <source>Could not read the likely duplicates: {error}</source>
        <translation>无法读取疑似重复工单：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="299"/>
        <source>Not done: {reason}</source>
        <translation>未办理：{reason}</translation>
    </message>
</context>
<context>
    <name>OrdersDialog</name>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="33"/>
        <source>Orders behind: {figure}</source>
        <translation>明细工单：{figure}</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="35"/>
        <source>Reading the orders…</source>
        <translation>正在读取工单…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="44"/>
        <source>All to Excel…</source>
        <translation>全部导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="58"/>
        <source>No orders behind {figure}.</source>
        <translation>{figure} 没有对应的工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="61"/>
        <source>{figure}: the first {shown} of {count} orders, oldest first. Enter opens one.</source>
        <translation>{figure}：共 {count} 件以上，显示最早的 {shown} 件（全部明细请导出 Excel）。回车打开工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="66"/>
        <source>{figure}: {count} order(s), oldest first. Enter opens one.</source>
        <translation>{figure}：{count} 件工单，按时间先后排列。回车打开工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="74"/>
        <source>Could not read the orders: {error}</source>
        <translation>无法读取工单：{error}</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="326"/>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="326"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="326"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="326"/>
        <source>Linked</source>
        <translation>关联</translation>
    </message>
</context>
<context>
    <name>PartnersModel</name>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="195"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="196"/>
        <source>Partner</source>
        <translation>联动单位</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="197"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="198"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="199"/>
        <source>Notified</source>
        <translation>通知时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="200"/>
        <source>Deadline</source>
        <translation>确认时限</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="201"/>
        <source>Answered (how, who)</source>
        <translation>回复（方式、答复人）</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="202"/>
        <source>Sent</source>
        <translation>通知次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="242"/>
        <source>Duty phone: {phone}</source>
        <translation>值班电话：{phone}</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="274"/>
        <source>{due} (over by {late})</source>
        <translation>{due}（已超时 {late}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="277"/>
        <source>{due} ({left} left)</source>
        <translation>{due}（剩 {left}）</translation>
    </message>
</context>
<context>
    <name>PeerSeats</name>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="317"/>
        <source>{line} ready seats: {ready} (free: {free})</source>
        <translation>{line} 就绪坐席：{ready}（空闲 {free}）</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../console/ui/seat/queue_page.py" line="45"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>QueuesView</name>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="97"/>
        <source>My orders</source>
        <translation>我的工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="98"/>
        <source>Platform open</source>
        <translation>本平台待办</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="99"/>
        <source>Awaiting sign-for</source>
        <translation>待签收</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="100"/>
        <source>All orders</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="120"/>
        <source>Order number or phone (Ctrl+F)</source>
        <translation>工单编号或电话号码（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="243"/>
        <source>“{text}” is neither a phone number nor an order number.</source>
        <translation>“{text}”既不是电话号码，也不是工单编号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="289"/>
        <source>{title} ({count})</source>
        <translation>{title}（{count}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="317"/>
        <source>The queue could not be read: {error}</source>
        <translation>无法读取工单队列：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="333"/>
        <source>The first {count} orders are shown: search to narrow the list.</source>
        <translation>仅显示前 {count} 件工单，请搜索以缩小范围。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="335"/>
        <source>{count} orders loaded; scroll for more.</source>
        <translation>已加载 {count} 件工单，向下滚动加载更多。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="337"/>
        <source>{count} orders.</source>
        <translation>共 {count} 件工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="341"/>
        <source>Search {search}: {rest}</source>
        <translation>搜索 {search}：{rest}</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../console/ui/refusals.py" line="23"/>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="38"/>
        <source>An order is created only once.</source>
        <translation>工单只能创建一次。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="39"/>
        <source>The order is closed.</source>
        <translation>工单已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="40"/>
        <source>Not possible while the order is “{status}”.</source>
        <translation>工单处于“{status}”状态，不能办理此步骤。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="41"/>
        <source>Only a {platform} seat may do this.</source>
        <translation>只有 {platform} 坐席可以办理此步骤。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="42"/>
        <source>The order came from {platform}: send it back (退回) instead.</source>
        <translation>此工单来自 {platform}：如不属本平台职责，请退回。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="43"/>
        <source>Write the note first: this step needs it.</source>
        <translation>此步骤须填写说明。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="44"/>
        <source>Say what the step refers to (department, outcome…).</source>
        <translation>请选择此步骤涉及的对象（承办单位、结果等）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="45"/>
        <source>Only 12345 dispatches to departments; 110 transfers non-police matters to 12345.</source>
        <translation>只有12345向承办单位派单；110的非警务事项请转12345。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="49"/>
        <source>Only a department&apos;s report escalates to 110: dispatch the order first.</source>
        <translation>联动110派警须依据承办单位报告：请先派单。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="52"/>
        <source>Choose the three-way call&apos;s outcome.</source>
        <translation>请选择三方通话结果。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="53"/>
        <source>The caller&apos;s consent to the transfer is not recorded (与诉求方协商后).</source>
        <translation>尚未记录诉求人同意转接（须与诉求方协商后）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="56"/>
        <source>Say whether it is provisional acceptance or guidance.</source>
        <translation>请选择先行受理或合理引导。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="57"/>
        <source>Guidance given: the order closes, it is not handled further.</source>
        <translation>已合理引导解释：工单直接办结，不再处置。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="60"/>
        <source>A provisionally accepted order is handled and fed back before it is completed.</source>
        <translation>先行受理的工单须处置并反馈后方可办结。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="64"/>
        <source>“{kind}” is not a 110 police kind.</source>
        <translation>“{kind}”不是110警情类别。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="66"/>
        <source>Other callers joined this order: split them off before merging it.</source>
        <translation>已有其他来电人并入本工单，请先拆出后再并单。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="69"/>
        <source>The order is not merged into that order.</source>
        <translation>该工单未并入那张工单。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="70"/>
        <source>That order&apos;s caller has not joined this order.</source>
        <translation>那张工单的来电人未并入本工单。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="71"/>
        <source>An order cannot be merged into itself.</source>
        <translation>工单不能并入自身。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="73"/>
        <source>The order has no feedback yet: there is no result to tell its callers.</source>
        <translation>工单尚未反馈：还没有可告知来电人的处理结果。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="76"/>
        <source>That number is not a caller of this order.</source>
        <translation>该号码不是本工单的来电人。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="77"/>
        <source>Enter the caller&apos;s phone number first: the order keeps whom to tell.</source>
        <translation>请先填写来电号码：工单需记录应告知结果的来电人。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="80"/>
        <source>This caller is already on that order.</source>
        <translation>该来电人已在此工单上。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="82"/>
        <source>The agent&apos;s name must be 1–32 characters of plain text on one line.</source>
        <translation>坐席人员姓名须为1至32个字符的单行文字。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="85"/>
        <source>The seat id must be 1–16 characters of plain text on one line.</source>
        <translation>坐席号须为1至16个字符的单行文字。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="88"/>
        <source>This computer&apos;s clock is far off (the log has the time it reads): ask IT to set it.</source>
        <translation>本机时钟严重不准（日志中记有其显示的时间），未作任何记录：请联系信息技术人员校准时钟。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="92"/>
        <source>Another seat changed this order since it was shown; it has been reloaded.</source>
        <translation>其他坐席已更新此工单，已重新载入，请核对后再办理。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="95"/>
        <source>There is no work order {number}.</source>
        <translation>没有工单 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="97"/>
        <source>Article {article} is not in effect (expired or replaced).</source>
        <translation>知识 {article} 不在有效期内（已过期或已被替换）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="98"/>
        <source>An article&apos;s id is like K-001.</source>
        <translation>知识编号应形如 K-001。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="99"/>
        <source>Give the article a title of one line, at most {most} characters.</source>
        <translation>请填写标题：一行，不超过{most}个字。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="100"/>
        <source>Write the article&apos;s text (at most {most} characters).</source>
        <translation>请填写正文（不超过{most}个字）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="101"/>
        <source>“{kind}” is not a kind of the catalogue.</source>
        <translation>“{kind}”不是目录中的诉求类型。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="102"/>
        <source>At most {most} keywords, each at most {length} characters.</source>
        <translation>关键词最多{most}个，每个不超过{length}个字。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="105"/>
        <source>The last valid day is before the first.</source>
        <translation>有效期截止日早于起始日。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="106"/>
        <source>A consultation result names its 会商 rule (like R-017); other articles name none.</source>
        <translation>会商结果须注明会商规则（如 R-017）；其他类别不填规则。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="109"/>
        <source>Write dates as YYYY-MM-DD.</source>
        <translation>日期请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="110"/>
        <source>Say why you need the caller&apos;s full number: the reason is recorded.</source>
        <translation>请说明查看完整号码的理由：理由将被记录。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="113"/>
        <source>“{department}” is not a department in the directory (or it was retired).</source>
        <translation>“{department}”不在派单目录中（或已停用）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="116"/>
        <source>{platform} seat {seat} ({agent}) transferred this order first.</source>
        <translation>该工单已由{platform}坐席 {seat}（{agent}）先行转派。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="119"/>
        <source>Seat {seat} is transferring this order right now; wait for it.</source>
        <translation>坐席 {seat} 正在转接该工单，请稍候。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="122"/>
        <source>This transfer attempt was called off; press the key again for a new one.</source>
        <translation>本次转接已中止；如需转接请再按一次。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="126"/>
        <source>No {platform} seat is ready (就绪).</source>
        <translation>{platform}无就绪坐席。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="127"/>
        <source>No free {platform} seat: {busy} ready seat(s) on a call or ringing.</source>
        <translation>{platform}无空闲坐席：{busy}个坐席正在通话或振铃。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="130"/>
        <source>This request was already used for another order ({number}); try again.</source>
        <translation>该请求已用于另一工单（{number}），请重试。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="133"/>
        <source>Write the acknowledgement note first.</source>
        <translation>请填写确认说明。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="134"/>
        <source>The note is too long (at most {most} characters).</source>
        <translation>说明过长（最多 {most} 个字）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="135"/>
        <source>The text holds characters that cannot be stored (a NUL or a broken character): type it again.</source>
        <translation>文字中含有无法保存的字符（空字符或残缺的字符），请重新输入。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="138"/>
        <source>Name the person the alarm is escalated to.</source>
        <translation>请填写督办对象。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="139"/>
        <source>That alarm no longer exists.</source>
        <translation>该告警已不存在。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="140"/>
        <source>{code} is not one of this site&apos;s wrap-up codes.</source>
        <translation>{code} 不是本中心的话后小结代码。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="143"/>
        <source>{agent} already acknowledged this alarm; the first note stands.</source>
        <translation>{agent} 已确认过该告警，以第一次的说明为准。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="147"/>
        <source>Not during a call: the call ends first.</source>
        <translation>通话中不能切换状态：请先结束通话。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="148"/>
        <source>The seat is logged out: log in first.</source>
        <translation>坐席未登录：请先登录。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="149"/>
        <source>The seat cannot change to that state now.</source>
        <translation>坐席当前不能切换到该状态。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="150"/>
        <source>Say why the seat is not ready (break, meeting, training…).</source>
        <translation>请选择示忙原因（小休、会议、培训等）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="153"/>
        <source>The call has already ended.</source>
        <translation>通话已结束。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="154"/>
        <source>The call cannot do that in its present state.</source>
        <translation>当前通话状态下不能执行此操作。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="155"/>
        <source>The switch refused the command.</source>
        <translation>交换机拒绝了该操作。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="157"/>
        <source>The database connection is lost: this step needs it. Try again once it is back; what you typed is kept.</source>
        <translation>数据库连接中断，此操作需联机后再试；已填写的内容已保留。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="162"/>
        <source>The held order it was for was not written: enter it again.</source>
        <translation>其所属的暂存工单未写入：请重新录入。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="166"/>
        <source>The database connection is lost and this seat has not opened {number} since sign-in: it can be opened once the database is back.</source>
        <translation>数据库连接中断，本席位本次登录后未打开过工单 {number}：数据库恢复后才能打开。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="172"/>
        <source>The database server cannot be reached: the console reconnects by itself. Try again in a moment; tell IT if it lasts.</source>
        <translation>无法连接数据库服务器：坐席台会自动重连。请稍后重试；若持续如此，请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="177"/>
        <source>The database server is restarting: try again in a moment.</source>
        <translation>数据库服务器正在重启：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="181"/>
        <source>The database disk is full: nothing more can be saved. Tell IT at once.</source>
        <translation>数据库磁盘已满：无法再保存任何内容。请立即联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="185"/>
        <source>The database is busy with another seat&apos;s change: try again.</source>
        <translation>数据库正忙于其他坐席的修改：请重试。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="188"/>
        <source>The database server is overloaded: try again in a moment; tell IT if it lasts.</source>
        <translation>数据库服务器负载过高：请稍后重试；若持续如此，请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="192"/>
        <source>The database is read-only here: nothing can be saved. Tell IT.</source>
        <translation>此处的数据库为只读：无法保存任何内容。请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="196"/>
        <source>The database named in the settings does not exist: IT must create it (init-db).</source>
        <translation>设置中指定的数据库不存在：须由信息技术人员创建（init-db）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="199"/>
        <source>The database server&apos;s certificate is not trusted (not signed by the CA file in database.sslrootcert, made for another server name, expired, or the CA file is missing): tell IT.</source>
        <translation>数据库服务器的证书不可信（不是由 database.sslrootcert 指定的 CA 签发、证书上是别的服务器名、已过期，或 CA 文件不存在）：请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="205"/>
        <source>The database server accepts encrypted (TLS) connections only: IT sets database.sslrootcert in the config file.</source>
        <translation>数据库服务器只接受加密（TLS）连接：须由信息技术人员在配置文件中设置 database.sslrootcert。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="210"/>
        <source>The database server does not offer encryption (TLS) but the settings require it: tell IT.</source>
        <translation>数据库服务器不提供加密（TLS），但设置要求加密：请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="214"/>
        <source>The database refused the console&apos;s user name or password: tell IT.</source>
        <translation>数据库拒绝了坐席台的用户名或密码：请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="217"/>
        <source>The database file is not a SQLite database, or it is damaged: tell IT.</source>
        <translation>数据库文件不是 SQLite 数据库，或已损坏：请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="220"/>
        <source>The database file cannot be opened or created: check its folder and its permissions.</source>
        <translation>无法打开或创建数据库文件：请检查其所在文件夹及权限。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="224"/>
        <source>“{path}” is a folder, not a database file.</source>
        <translation>“{path}”是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="225"/>
        <source>The database&apos;s folder “{path}” does not exist.</source>
        <translation>数据库所在的文件夹“{path}”不存在。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="226"/>
        <source>The database URL is not one this console can use (SQLite or PostgreSQL).</source>
        <translation>该数据库地址不是本坐席台可用的类型（仅支持 SQLite 或 PostgreSQL）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="229"/>
        <source>The database could not do this (the fault is logged): try again; tell IT if it repeats.</source>
        <translation>数据库未能完成此操作（故障已记入日志）：请重试；若反复出现，请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="235"/>
        <source>Enter your login and your password.</source>
        <translation>请输入账号和口令。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="236"/>
        <source>The login or the password is wrong. After {attempts} wrong tries in a row the account is locked for {minutes} minutes.</source>
        <translation>账号或口令错误。连续输错 {attempts} 次，账号将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="241"/>
        <source>Too many wrong tries: this account is locked until {until}. An administrator can unlock it sooner by setting a new password.</source>
        <translation>输错次数过多：账号已锁定至 {until}。如需提前解锁，请系统管理员重设口令。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="246"/>
        <source>Your password must be changed now (first sign-in, reset or expired).</source>
        <translation>现在必须修改口令（首次登录、口令被重设或已过期）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="249"/>
        <source>Enter the 6-digit code from your authenticator app, or a recovery code.</source>
        <translation>请输入身份验证器应用显示的 6 位动态口令，或一个恢复码。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="252"/>
        <source>The one-time code is wrong or already used: enter the code the app shows now.</source>
        <translation>动态口令错误或已用过：请输入应用当前显示的口令。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="256"/>
        <source>An authenticator app is already set up: an administrator removes it before a new one.</source>
        <translation>已绑定身份验证器应用：须由系统管理员解除后才能绑定新的。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="260"/>
        <source>This account signs in with a one-time code: set up your authenticator app first.</source>
        <translation>此账号须用动态口令登录：请先绑定身份验证器应用。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="264"/>
        <source>A password has at most {max} characters.</source>
        <translation>口令最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="267"/>
        <source>The new password needs at least {min} characters.</source>
        <translation>新口令至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="270"/>
        <source>The new password needs characters of at least {classes} kinds: lower case, upper case, digits, other signs.</source>
        <translation>新口令至少要包含 {classes} 类字符：小写字母、大写字母、数字、其他符号。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="275"/>
        <source>The new password must not be the login, nor the login backwards.</source>
        <translation>新口令不能与账号相同，也不能是账号倒写。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="278"/>
        <source>The new password holds an invisible control character: type it again.</source>
        <translation>新口令含有不可见的控制字符：请重新输入。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="281"/>
        <source>The new password must differ from the present one.</source>
        <translation>新口令不能与当前口令相同。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="284"/>
        <source>A login is 1–32 characters: letters a–z, digits, “.”, “_” or “-”, starting with a letter or digit.</source>
        <translation>账号为 1–32 个字符：字母 a–z、数字、“.”、“_”或“-”，以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="289"/>
        <source>There is already an account “{login}”.</source>
        <translation>账号“{login}”已存在。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="290"/>
        <source>There is no account “{login}”.</source>
        <translation>没有账号“{login}”。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="291"/>
        <source>The name must be 1–32 characters of plain text on one line.</source>
        <translation>姓名须为一行 1–32 个字符的纯文本。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="294"/>
        <source>Give the account at least one role.</source>
        <translation>请至少给账号一个角色。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="295"/>
        <source>No account may be both {first} and {second} (三员分立).</source>
        <translation>同一账号不能既是{first}又是{second}（三员分立）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="298"/>
        <source>The role {role} belongs to {platform} accounts only.</source>
        <translation>{role}角色只属于 {platform} 平台的账号。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="301"/>
        <source>Your roles do not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="303"/>
        <source>This seat takes {seat} calls; your account belongs to {platform}.</source>
        <translation>本坐席接 {seat} 来电；您的账号属于 {platform}。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="306"/>
        <source>The two new passwords differ: type the new password twice.</source>
        <translation>两次输入的新口令不一致：请将新口令输入两遍。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="309"/>
        <source>Finish the call and its wrap-up before signing out.</source>
        <translation>请先结束通话和话后整理，再退出登录。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="314"/>
        <source>The exchange message is larger than {most} bytes: it was not taken.</source>
        <translation>交换报文超过 {most} 字节，对方未接收。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="317"/>
        <source>The exchange message is not readable JSON (damaged on the way?): it was not taken.</source>
        <translation>交换报文不是可读的 JSON（可能在传输中损坏），对方未接收。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="320"/>
        <source>The exchange message does not follow the agreed format at {path}: it was not taken.</source>
        <translation>交换报文在 {path} 处不符合约定格式，对方未接收。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="323"/>
        <source>The exchange message has format version {version}; only 1.x is read: it was not taken.</source>
        <translation>交换报文格式版本为 {version}，仅支持 1.x，对方未接收。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="326"/>
        <source>The other platform has no order {number}: its transfer has not arrived.</source>
        <translation>对方平台没有工单 {number}：转派报文尚未到达。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="329"/>
        <source>A rule of the other platform&apos;s system that this console does not know ({code}).</source>
        <translation>对方系统的一条本系统未知的规则（{code}）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="333"/>
        <source>The site has no linkage plan for this event type at level {level}: ask IT to add one.</source>
        <translation>本平台没有该类事件 {level} 级的联动预案，请联系信息中心添加。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="336"/>
        <source>No such incident: {number}.</source>
        <translation>没有该突发事件：{number}。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="337"/>
        <source>The response to {number} has been stood down.</source>
        <translation>{number} 已响应终止。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="338"/>
        <source>{number} is run by {platform}: its shift lead changes it.</source>
        <translation>{number} 由 {platform} 平台负责，请由其值班长变更。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="341"/>
        <source>The incident is already at this level.</source>
        <translation>该事件已是这一响应级别。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="342"/>
        <source>Say where it happened.</source>
        <translation>请填写事发地点。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="343"/>
        <source>Write a short summary first.</source>
        <translation>请先填写简要情况。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="344"/>
        <source>Unknown district code {district}.</source>
        <translation>未知的行政区划代码 {district}。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="345"/>
        <source>{partner} is not a partner of this incident.</source>
        <translation>{partner} 不是本事件的联动单位。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="346"/>
        <source>{partner} is no longer needed at this level.</source>
        <translation>当前响应级别已不需要 {partner}。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="349"/>
        <source>{partner} has already answered (recorded by {by}).</source>
        <translation>{partner} 已回复（由 {by} 登记）。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="352"/>
        <source>Say who answered at the partner.</source>
        <translation>请填写联动单位的回复人。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="353"/>
        <source>The answer&apos;s time is in the future.</source>
        <translation>回复时间晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="354"/>
        <source>{order} is already linked to {number}.</source>
        <translation>{order} 已关联到 {number}。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="356"/>
        <source>No such hot spot: {number}.</source>
        <translation>没有该热点：{number}。</translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="357"/>
        <source>This hot spot was already taken up: verification order {number}.</source>
        <translation>该热点已生成核查工单：{number}。</translation>
    </message>
</context>
<context>
    <name>RelatedLinks</name>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="60"/>
        <source>Linked order (联动):</source>
        <translation>联动工单：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="63"/>
        <source>Merged into (并单):</source>
        <translation>已并入（并单）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="68"/>
        <source>Merged here (并入):</source>
        <translation>已并入本单（并入）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="70"/>
        <source>The caller&apos;s other orders cannot be looked up now (the database connection is lost).</source>
        <translation>暂时无法查询来电人的其他工单（数据库连接中断）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="76"/>
        <source>No other orders from this caller.</source>
        <translation>该来电人没有其他工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="86"/>
        <source>and {count} more</source>
        <translation>另有 {count} 件</translation>
    </message>
</context>
<context>
    <name>RepeatWarningStrip</name>
    <message>
        <location filename="../../console/ui/alarms/repeat_warnings.py" line="62"/>
        <source>Acknowledge repeated request (Enter on the line)</source>
        <translation>确认重复诉求预警（在该行按回车）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/repeat_warnings.py" line="77"/>
        <source>Acknowledged: repeated request {number}.</source>
        <translation>已确认重复诉求预警：{number}。</translation>
    </message>
</context>
<context>
    <name>RepeatWarnings</name>
    <message>
        <location filename="../../console/ui/alarms/repeat_warnings.py" line="37"/>
        <source>Repeated request: {number} · {callers} callers · {kind} · {address} · raised {time}</source>
        <translation>重复诉求预警：{number} · {callers} 位来电人 · {kind} · {address} · 预警 {time}</translation>
    </message>
</context>
<context>
    <name>ReportFilters</name>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="66"/>
        <source>Both platforms</source>
        <translation>两个平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="70"/>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="90"/>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="92"/>
        <source>Period:</source>
        <translation>统计周期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="93"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="95"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="96"/>
        <source>District:</source>
        <translation>区县：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="143"/>
        <source>{period} · {platform} · {district}</source>
        <translation>{period} · {platform} · {district}</translation>
    </message>
</context>
<context>
    <name>ReportHeadlines</name>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="20"/>
        <source>Calls offered</source>
        <translation>呼入量</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="21"/>
        <source>Answered</source>
        <translation>接通量</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="22"/>
        <source>Answered within 15 s</source>
        <translation>15秒接通率</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="23"/>
        <source>GB/T 33358 service level</source>
        <translation>GB/T 33358 服务水平</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="24"/>
        <source>Abandoned</source>
        <translation>放弃量</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="25"/>
        <source>Average handling time</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="26"/>
        <source>Orders received</source>
        <translation>受理工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="27"/>
        <source>Orders completed</source>
        <translation>办结工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="28"/>
        <source>Escalated to 110</source>
        <translation>联动110派警</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="29"/>
        <source>Alarms raised</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="30"/>
        <source>{n} acknowledged, median {t}</source>
        <translation>已确认 {n}，确认中位时长 {t}</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="32"/>
        <source>Hot spots found</source>
        <translation>热点</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="33"/>
        <source>{n} taken up</source>
        <translation>已核查 {n}</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="34"/>
        <source>Verification orders</source>
        <translation>核查工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="36"/>
        <source>Emergency incidents</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="37"/>
        <source>drills left out</source>
        <translation>不含演练</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="38"/>
        <source>Callers per order</source>
        <translation>每单来电人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="39"/>
        <source>{n} orders with 2 or more callers</source>
        <translation>{n} 件有2位及以上来电人</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="41"/>
        <source>Merges</source>
        <translation>并单</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="42"/>
        <source>{n} undone</source>
        <translation>拆单 {n} 件</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../console/ui/reports/page.py" line="238"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/page.py" line="239"/>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/page.py" line="256"/>
        <source>{name}  on time {share}</source>
        <translation>{name}  按时 {share}</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/page.py" line="261"/>
        <source>Dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/page.py" line="262"/>
        <source>Fed back on time</source>
        <translation>按时反馈</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../console/ui/reports/pdf.py" line="152"/>
        <source>{title} (continued)</source>
        <translation>{title}（续）</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../console/ui/reports/tables.py" line="119"/>
        <source>Enter or double-click: the orders behind it</source>
        <translation>回车或双击：查看对应工单</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <location filename="../../console/ui/reports/words.py" line="40"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="41"/>
        <source>Rates and times</source>
        <translation>比率与时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="42"/>
        <source>Trend by day</source>
        <translation>每日趋势</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="43"/>
        <source>Orders by kind</source>
        <translation>按诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="44"/>
        <source>Orders by field</source>
        <translation>按领域</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="45"/>
        <source>Orders by district</source>
        <translation>按区县</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="46"/>
        <source>Transfers each way</source>
        <translation>双向互派</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="47"/>
        <source>Three-way call outcomes</source>
        <translation>三方通话结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="48"/>
        <source>First contact by mode</source>
        <translation>首接负责方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="49"/>
        <source>Dispatches by department</source>
        <translation>按承办单位派单</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="50"/>
        <source>Overdue by deadline</source>
        <translation>超期（按时限）</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="51"/>
        <source>Returns</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="52"/>
        <source>Alarms by level</source>
        <translation>告警级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="53"/>
        <source>Emergency incidents</source>
        <translation>应急联动事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="54"/>
        <source>Callers per order</source>
        <translation>每单来电人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="55"/>
        <source>Answers by knowledge article</source>
        <translation>按知识库文章</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="62"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="63"/>
        <source>Value</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="64"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="65"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="66"/>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="67"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="68"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="69"/>
        <source>From</source>
        <translation>发出平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="70"/>
        <source>To</source>
        <translation>接收平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="71"/>
        <source>Sent</source>
        <translation>转出</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="72"/>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="73"/>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="74"/>
        <source>Dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="75"/>
        <source>Fed back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="76"/>
        <source>On time</source>
        <translation>按时反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="77"/>
        <source>On-time share</source>
        <translation>按时反馈率</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="78"/>
        <source>Incident</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="79"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="80"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="81"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="82"/>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="83"/>
        <source>Stood down</source>
        <translation>终止时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="84"/>
        <source>Linked orders</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="85"/>
        <source>Partners</source>
        <translation>通知单位</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="86"/>
        <source>Overdue</source>
        <translation>超时未确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="87"/>
        <source>Median minutes to answer</source>
        <translation>确认中位时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="98"/>
        <source>12345 took it</source>
        <translation>12345受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="99"/>
        <source>110 took it</source>
        <translation>110受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="100"/>
        <source>Neither: first contact (首接负责)</source>
        <translation>首接负责（双方均不受理）</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="103"/>
        <source>Provisional acceptance (先行受理)</source>
        <translation>先行受理</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="104"/>
        <source>Guidance and explanation (合理引导和解释)</source>
        <translation>合理引导和解释</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="120"/>
        <source>(none)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="125"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="126"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="127"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="128"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="147"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="148"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m} 分 {s:02d} 秒</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="95"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="96"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="97"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="161"/>
        <source>Reading the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="168"/>
        <source>Report {period}</source>
        <translation>报表 {period}</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="183"/>
        <source>Could not read the report: {error}</source>
        <translation>无法生成报表：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="192"/>
        <source>{filters} · made {at} (China time)</source>
        <translation>{filters} · 生成于 {at}（北京时间）</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="195"/>
        <source> · calls have no district: the call figures are the platform&apos;s</source>
        <translation> · 话务数据不分区县：呼入、接通等为全平台数字</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="229"/>
        <source>report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="259"/>
        <source>An export is running: cancel it or wait for it.</source>
        <translation>正在导出：请等待完成或先取消。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="261"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="262"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="268"/>
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="273"/>
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出，未生成文件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="274"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="280"/>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="294"/>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="295"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="305"/>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="308"/>
        <source>Saved {path} ({pages} page(s)).</source>
        <translation>已保存 {path}（共 {pages} 页）。</translation>
    </message>
</context>
<context>
    <name>RevealRow</name>
    <message>
        <location filename="../../console/ui/seat/reveal_row.py" line="34"/>
        <source>Show full number</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/reveal_row.py" line="41"/>
        <source>Why do you need the full number? (recorded) Enter: show, Esc: cancel</source>
        <translation>查看完整号码的理由（将被记录）。回车：显示，Esc：取消</translation>
    </message>
</context>
<context>
    <name>Ringer</name>
    <message>
        <location filename="../../console/ui/seat/ringer.py" line="96"/>
        <source>Call</source>
        <translation>来电</translation>
    </message>
</context>
<context>
    <name>RolePages</name>
    <message>
        <location filename="../../console/ui/admin/pages.py" line="61"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/pages.py" line="65"/>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/pages.py" line="69"/>
        <source>Audit trail</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../console/app_roles.py" line="131"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>RoleWindow</name>
    <message>
        <location filename="../../console/ui/admin/pages.py" line="82"/>
        <source>{name} ({login}) · 12345 ⇄ 110 linkage console</source>
        <translation>{name}（{login}）· 12345 ⇄ 110 联动坐席台</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../console/domain/roles.py" line="46"/>
        <source>12345 agent</source>
        <translation>话务员</translation>
    </message>
    <message>
        <location filename="../../console/domain/roles.py" line="47"/>
        <source>110 operator</source>
        <translation>接警员</translation>
    </message>
    <message>
        <location filename="../../console/domain/roles.py" line="48"/>
        <source>Shift lead</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../console/domain/roles.py" line="49"/>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../console/domain/roles.py" line="50"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
</context>
<context>
    <name>RuleEffect</name>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="50"/>
        <source>not yet applied</source>
        <translation>尚未施行</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="52"/>
        <source>fewer</source>
        <translation>减少</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="54"/>
        <source>more</source>
        <translation>增多</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="55"/>
        <source>the same</source>
        <translation>持平</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="118"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="118"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="118"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="119"/>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="119"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="119"/>
        <source>Consultation</source>
        <translation>会商</translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="120"/>
        <source>Handling norm</source>
        <translation>处置规范</translation>
    </message>
</context>
<context>
    <name>ScreenPopView</name>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="55"/>
        <location filename="../../console/ui/seat/screen_pop.py" line="146"/>
        <source>No caller yet.</source>
        <translation>暂无来电。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="58"/>
        <source>Frequent caller</source>
        <translation>高频来电</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="91"/>
        <source>Caller {phone}: cannot look up history (database unreachable)</source>
        <translation>来电 {phone}：无法查询历史工单（数据库连接中断）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="98"/>
        <source>Held on this seat, not yet in the database: {numbers} (Enter on its row opens it).</source>
        <translation>暂存在本席位、尚未写入数据库：{numbers}（在其行上按 Enter 打开）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="100"/>
        <source>Orders saved now are held on this seat.</source>
        <translation>现在保存的工单暂存在本席位，数据库恢复后自动写入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="104"/>
        <source>Caller {phone}: {count} earlier orders</source>
        <translation>来电 {phone}：历史工单 {count} 件</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="109"/>
        <source>Frequent caller: {count} orders in 30 days</source>
        <translation>高频来电：30天内 {count} 件</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="115"/>
        <source>Still open: {numbers}</source>
        <translation>未办结：{numbers}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="117"/>
        <source> and {more} more</source>
        <translation> 等，另有 {more} 件</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="120"/>
        <source>No open orders.</source>
        <translation>无未办结工单。</translation>
    </message>
</context>
<context>
    <name>SeatController</name>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="161"/>
        <source>Pick the call&apos;s wrap-up code first (digits, then Enter).</source>
        <translation>请先选择本次来电的话后小结（数字键，再按回车）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="175"/>
        <source>The state change could not be recorded (database).</source>
        <translation>坐席状态变更未能写入数据库，请联系值班长或IT。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="237"/>
        <source>The wrap-up code could not be recorded: {error}</source>
        <translation>话后小结未能记录：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="247"/>
        <source>Finish the current call first.</source>
        <translation>请先结束当前通话。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="360"/>
        <source>Missed call: set to not ready. Press F2 when ready.</source>
        <translation>未接来电，已置示忙。准备好后按 F2 就绪。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="364"/>
        <source>Could not load the caller&apos;s history: {error}</source>
        <translation>无法加载来电历史：{error}</translation>
    </message>
</context>
<context>
    <name>SeatLock</name>
    <message>
        <location filename="../../console/ui/idle_lock.py" line="93"/>
        <source>Seat locked</source>
        <translation>坐席已锁定</translation>
    </message>
</context>
<context>
    <name>SeatPanel</name>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="91"/>
        <source>Ready (F2)</source>
        <translation>示闲（F2）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="92"/>
        <source>Not ready: break (F3)</source>
        <translation>示忙：休息（F3）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="93"/>
        <source>Not ready: meeting</source>
        <translation>示忙：会议</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="94"/>
        <source>Not ready: training</source>
        <translation>示忙：培训</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="106"/>
        <source>Not ready: missed call</source>
        <translation>示忙：未接来电</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="120"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="207"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="208"/>
        <source>Not ready</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="106"/>
        <location filename="../../console/ui/seat/seat_panel.py" line="209"/>
        <source>On a call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="106"/>
        <location filename="../../console/ui/seat/seat_panel.py" line="210"/>
        <source>Wrap-up</source>
        <translation>话后整理</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="211"/>
        <source>Logged out</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="249"/>
        <source>{state} for {time}</source>
        <translation>{state} {time}</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../console/app_sign_in.py" line="82"/>
        <source>Sign in — seat {seat}</source>
        <translation>登录 — 坐席 {seat}</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../../console/ui/sign_in.py" line="90"/>
        <location filename="../../console/ui/sign_in.py" line="106"/>
        <source>One-time code:</source>
        <translation>动态验证码：</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="91"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="91"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="94"/>
        <source>Login:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="95"/>
        <source>Password:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="107"/>
        <source>Change the password</source>
        <translation>修改口令</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="110"/>
        <source>New password:</source>
        <translation>新口令：</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="111"/>
        <source>New password again:</source>
        <translation>再次输入新口令：</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="126"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="129"/>
        <source>Scan this code with your authenticator app:</source>
        <translation>请用身份验证器应用扫描此二维码：</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="131"/>
        <source>Or type the key:</source>
        <translation>或手动输入密钥：</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="132"/>
        <source>Code the app shows:</source>
        <translation>应用显示的验证码：</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="141"/>
        <source>I have written them down</source>
        <translation>我已抄下</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="146"/>
        <source>Your recovery codes: each signs in once when the phone is not at hand. Write them down now; they are not shown again.</source>
        <translation>您的恢复码：手机不在身边时，每个恢复码可登录一次。请立即抄下，此后不再显示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="214"/>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="320"/>
        <source>Seat locked: enter your password</source>
        <translation>坐席已锁定：请输入口令</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="322"/>
        <source>Sign in to seat {seat}</source>
        <translation>登录坐席 {seat}</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="323"/>
        <source>Choose a new password</source>
        <translation>设置新口令</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="324"/>
        <source>Set up your authenticator app</source>
        <translation>设置身份验证器应用</translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="325"/>
        <source>Recovery codes</source>
        <translation>恢复码</translation>
    </message>
</context>
<context>
    <name>StandDownDialog</name>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="217"/>
        <source>Stand down {number}</source>
        <translation>{number} 响应终止</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="217"/>
        <source>Stand down</source>
        <translation>响应终止</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="221"/>
        <source>What was done, what remains, who handed over</source>
        <translation>已做了什么、还剩什么、由谁交接</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="223"/>
        <source>Summary:</source>
        <translation>总结：</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="47"/>
        <source>Start a linkage plan</source>
        <translation>启动预案</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="47"/>
        <source>Start the plan</source>
        <translation>启动预案</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="58"/>
        <source>Chinese name, pinyin or code</source>
        <translation>中文名、拼音或代码</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="60"/>
        <source>Street, crossing, building</source>
        <translation>街道、路口、楼宇</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="62"/>
        <source>What happened, how many people</source>
        <translation>发生了什么、涉及多少人</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="63"/>
        <source>Drill (演练): marked everywhere, left out of the real figures</source>
        <translation>演练：处处标明，不计入实际统计</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="65"/>
        <source>Event type:</source>
        <translation>事件类型：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="66"/>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="67"/>
        <source>District:</source>
        <translation>区县：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="68"/>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="69"/>
        <source>Summary:</source>
        <translation>事件概况：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="71"/>
        <source>Choose the district to see who the plan notifies.</source>
        <translation>选择区县后显示预案将通知的联动单位。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="82"/>
        <source>Start a linkage plan from {order}</source>
        <translation>由工单 {order} 启动预案</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="117"/>
        <source>Asking the plan…</source>
        <translation>正在查询预案…</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="128"/>
        <source>{name} ({kind}) — {task}, answer within {m} min</source>
        <translation>{name}（{kind}）— {task}，{m} 分钟内确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="131"/>
        <source>The plan notifies {count} partner(s):</source>
        <translation>预案将通知 {count} 家联动单位：</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="134"/>
        <source>no partner in this city for: {kinds}</source>
        <translation>本市缺少：{kinds}</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../console/ui/start_screen.py" line="44"/>
        <location filename="../../console/ui/start_screen.py" line="45"/>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation>12345 ⇄ 110 联动坐席台</translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="50"/>
        <location filename="../../console/ui/start_screen.py" line="87"/>
        <source>Connecting to the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="59"/>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="60"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="81"/>
        <source>⚠ The database cannot be reached. Trying again in {seconds} s… (the console opens by itself once it answers; Esc closes)</source>
        <translation>⚠ 数据库无法连接，{seconds} 秒后重试…（数据库恢复后自动打开；Esc 关闭）</translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="95"/>
        <source>The console could not start.</source>
        <translation>坐席台无法启动。</translation>
    </message>
</context>
<context>
    <name>StateBoard</name>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="130"/>
        <source>Cannot load the seats: {error}</source>
        <translation>无法加载坐席状态：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="137"/>
        <source>Ready {ready} · on a call {call} · wrap-up {wrap} · not ready {busy}</source>
        <translation>示闲 {ready} · 通话中 {call} · 话后处理 {wrap} · 示忙 {busy}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="142"/>
        <source> · offline {count}</source>
        <translation> · 离线 {count}</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../console/ui/status_bar.py" line="52"/>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="52"/>
        <source>110 police</source>
        <translation>110 报警平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="54"/>
        <source>Seat: {seat}</source>
        <translation>坐席：{seat}</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="57"/>
        <source>Agent: {agent}</source>
        <translation>话务员：{agent}</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="59"/>
        <source>Alarm operator: {agent}</source>
        <translation>接警员：{agent}</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="63"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="67"/>
        <location filename="../../console/ui/status_bar.py" line="116"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="99"/>
        <source>Demo account</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="102"/>
        <source>Signed in automatically (--demo-sign-in): not for a real site.</source>
        <translation>已自动登录（--demo-sign-in）：仅供演示，正式现场不用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="95"/>
        <location filename="../../console/ui/status_bar.py" line="107"/>
        <source>Orders: {count}</source>
        <translation>工单：{count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="119"/>
        <source>Database reachable again at {back} (unreachable since {since})</source>
        <translation>数据库连接已恢复：{back}（自 {since} 起中断）</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="125"/>
        <source>Database unreachable</source>
        <translation>数据库连接中断</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="131"/>
        <source>Unreachable since {since}; the console keeps trying, and goes on with whichever database server takes writes</source>
        <translation>自 {since} 起连接中断；控制台持续重试，并自动连接当前可写的数据库服务器</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="188"/>
        <source>Database connection lost · {count} orders held on this seat</source>
        <translation>数据库连接中断 · 已暂存 {count} 张工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="191"/>
        <source>Writing {count} held orders…</source>
        <translation>正在写入暂存工单 {count} 张…</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="193"/>
        <source>{count} held entries not written: see the tooltip</source>
        <translation>{count} 条暂存记录未写入：详见提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="196"/>
        <source>{count} held by other agents at this seat</source>
        <translation>本席位其他话务员暂存 {count} 张</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="202"/>
        <source>Held orders written: {orders}</source>
        <translation>暂存工单已写入：{orders}</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="210"/>
        <source>the order was changed by another seat meanwhile: redo it if still needed</source>
        <translation>期间该工单已被其他席位修改，未覆盖；如仍需要请重新操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="214"/>
        <source>not written ({reason}): enter it again</source>
        <translation>未写入（{reason}）：请重新录入</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../console/ui/reports/tiles.py" line="58"/>
        <source>Enter or double-click: the orders behind it</source>
        <translation>回车或双击：查看对应工单</translation>
    </message>
</context>
<context>
    <name>TimeLeft</name>
    <message>
        <location filename="../../console/ui/models/time_left.py" line="51"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/time_left.py" line="52"/>
        <source>Due within 2 hours</source>
        <translation>2小时内到期</translation>
    </message>
    <message>
        <location filename="../../console/ui/models/time_left.py" line="53"/>
        <source>Due within 24 hours</source>
        <translation>24小时内到期</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="289"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="289"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="289"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="289"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>TransferFlow</name>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="111"/>
        <source>Sent to the peer platform after the restart: {numbers}</source>
        <translation>重启后已按互派发往对方平台：{numbers}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="151"/>
        <source>This call came from the peer platform: return the order instead.</source>
        <translation>此来电由对方平台转入：如不属本平台职责，请退回工单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="164"/>
        <source>Save the order first: it goes with the call.</source>
        <translation>请先保存工单：工单随来电一并转接。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="156"/>
        <source>The call is already being transferred; wait for the peer.</source>
        <translation>来电正在转接中，请等待对方应答。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="268"/>
        <source>Transfer cancelled: the caller is still with you.</source>
        <translation>已取消转接，来电人仍由您接听。</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="278"/>
        <source>The {line} line did not take the call: {result}</source>
        <translation>{line} 线路未接通：{result}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="297"/>
        <source>The order did not go to {line}: {reason}</source>
        <translation>工单未能转至 {line}：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="304"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="305"/>
        <source>busy</source>
        <translation>忙</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="306"/>
        <source>rejected</source>
        <translation>拒接</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="64"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="65"/>
        <source>New password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="66"/>
        <source>Remove app</source>
        <translation>移除验证器</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="67"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="68"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="113"/>
        <source>Could not read the accounts: {error}</source>
        <translation>无法读取账号：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="134"/>
        <source>Choose an account in the list first.</source>
        <translation>请先在列表中选择一个账号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="158"/>
        <source>Account {login} added: its password is changed at the first sign-in.</source>
        <translation>已新建账号 {login}：首次登录时须修改密码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="160"/>
        <source>New password set for {login} (changed at the next sign-in); the account is unlocked.</source>
        <translation>已为 {login} 设置新密码（下次登录时须修改），账号已解锁。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="162"/>
        <source>Roles of {login} set.</source>
        <translation>已设置 {login} 的角色。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="163"/>
        <source>Account {login} disabled.</source>
        <translation>已停用账号 {login}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="164"/>
        <source>The authenticator app of {login} is removed: it sets one up again at the next sign-in.</source>
        <translation>已移除 {login} 的身份验证器：下次登录时须重新绑定。</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="90"/>
        <source>Emergency board — wall</source>
        <translation>应急联动 — 大屏</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="91"/>
        <source>Emergency linkage · active incidents</source>
        <translation>应急联动 · 响应中事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="95"/>
        <source>Esc: back to the console</source>
        <translation>Esc：返回坐席台</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="131"/>
        <source>No active incident.</source>
        <translation>当前无响应中事件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="137"/>
        <source>{count} more active incident(s) on the console.</source>
        <translation>另有 {count} 起响应中事件，请在坐席台查看。</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="161"/>
        <source>✔ {ack} acknowledged   ○ {waiting} waiting   ⚠ {overdue} overdue   ✖ {refused} refused   · {orders} order(s)</source>
        <translation>✔ 已确认 {ack}   ○ 等待 {waiting}   ⚠ 超时 {overdue}   ✖ 拒绝 {refused}   · 工单 {orders}</translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="180"/>
        <source>⚠ Overdue: {names}</source>
        <translation>⚠ 超时未确认：{names}</translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="127"/>
        <source>Wallboard</source>
        <translation>大屏</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="145"/>
        <source>Floor now</source>
        <translation>话务实况</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="148"/>
        <source>Esc: back to the console</source>
        <translation>Esc：返回坐席台</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="159"/>
        <source>Calls waiting</source>
        <translation>排队等待</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="164"/>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="170"/>
        <source>over 15 s</source>
        <translation>超过 15 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="175"/>
        <source>Seats</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="177"/>
        <source>Open alarms</source>
        <translation>未处理告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="182"/>
        <source>Hot spots (last 24 h)</source>
        <translation>热点（近 24 小时）</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="184"/>
        <source>to verify</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="187"/>
        <source>Emergency incidents</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="191"/>
        <source>○ None active</source>
        <translation>○ 无进行中的事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="299"/>
        <source>⚠ Not read: {error}</source>
        <translation>⚠ 读取失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="309"/>
        <source>⚠ Not updated for {time}</source>
        <translation>⚠ 已 {time} 未更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="327"/>
        <source>✔ {count} answered</source>
        <translation>✔ 接通 {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="328"/>
        <source>✖ {count} abandoned</source>
        <translation>✖ 放弃 {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="354"/>
        <source>Partners late</source>
        <translation>联动单位超时</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="358"/>
        <source>Link queue</source>
        <translation>联网积压</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="370"/>
        <source>◇ {count} by keyword group</source>
        <translation>◇ 其中关键词组 {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="371"/>
        <source>✔ {count} taken up</source>
        <translation>✔ 已转核查 {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="333"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="171"/>
        <source>Answered ≤15 s today</source>
        <translation>今日 15 秒接通率</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="334"/>
        <source>On a call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="335"/>
        <source>Wrap-up</source>
        <translation>话后整理</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="336"/>
        <source>Not ready</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="337"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../console/ui/seat/wrap_up_panel.py" line="41"/>
        <source>No order saved: pick a wrap-up code (digits, Enter)</source>
        <translation>未保存工单：请选择话后小结（数字键，回车确认）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/wrap_up_panel.py" line="60"/>
        <source>More time (Shift+F6)</source>
        <translation>延长整理（Shift+F6）</translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/wrap_up_panel.py" line="94"/>
        <source>Wrap-up {time}</source>
        <translation>话后整理 {time}</translation>
    </message>
</context>
</TS>
