<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../console/ui/alarms/banner.py" line="25"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmNotifier</name>
    <message>
        <location filename="../../console/ui/alarms/notifier.py" line="111"/>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/notifier.py" line="123"/>
        <source>{count} new alarm(s): {parts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="79"/>
        <source>Today ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="80"/>
        <source>Tomorrow ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="81"/>
        <source>Later ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="92"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="114"/>
        <source>Acknowledgement note (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="116"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="118"/>
        <source>Escalate to (person or unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="120"/>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="136"/>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="136"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="136"/>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="193"/>
        <source>Acknowledged {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="200"/>
        <source>Escalated {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="208"/>
        <source>Select an alarm in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="223"/>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="66"/>
        <source>Could not load alarms: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="89"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="90"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="91"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="92"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="93"/>
        <source>Due at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="94"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="95"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="96"/>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="97"/>
        <source>Escalated to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="101"/>
        <source>Sign for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="102"/>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="103"/>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="136"/>
        <source>{d}d {h}h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="138"/>
        <source>{h}h {m}m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="140"/>
        <source>{m}m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="142"/>
        <source>{s}s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="144"/>
        <source>{span} over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="145"/>
        <source>{span} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="214"/>
        <source>{by}: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="223"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="224"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="225"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../console/app.py" line="92"/>
        <source>Unknown platform {platform}: use 12345 or 110.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="103"/>
        <source>Deadline policy: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="152"/>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="207"/>
        <source>The database was upgraded by a newer console; install it on this seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="216"/>
        <source>Cannot open the database {url}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../console/ui/crash_dialog.py" line="31"/>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/crash_dialog.py" line="34"/>
        <source>Something went wrong: {summary}

Your work so far is kept. Please tell IT and give them the log file:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../console/ui/history_model.py" line="42"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="43"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="44"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="45"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="46"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="47"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="50"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="51"/>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="52"/>
        <source>Signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="53"/>
        <source>Handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="54"/>
        <source>Fed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="55"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="56"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="57"/>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="58"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="61"/>
        <source>12345 hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="62"/>
        <source>110 police</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="66"/>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="82"/>
        <source>Caller number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="85"/>
        <source>&amp;Caller number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="87"/>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="88"/>
        <source>Type a caller number and press Enter (Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="118"/>
        <source>Caller &amp;lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="120"/>
        <location filename="../../console/ui/main_window.py" line="147"/>
        <source>&amp;Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="162"/>
        <source>{phone} is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="165"/>
        <source>Looking up {phone}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="185"/>
        <source>Lookup failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="189"/>
        <source>{count} order(s) from {phone}, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="193"/>
        <source>No orders from {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../console/ui/status_bar.py" line="59"/>
        <source>12345 hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="59"/>
        <source>110 police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="61"/>
        <source>Seat: {seat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="63"/>
        <source>Agent: {agent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="65"/>
        <source>Database: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="83"/>
        <source>Orders: {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
