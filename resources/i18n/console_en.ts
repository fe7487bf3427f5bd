<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlarmNotifier</name>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} new alarm(s): {parts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <source>Today ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement note (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate to (person or unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alarm in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load alarms: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{d}d {h}h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h}h {m}m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m}m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s}s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{span} over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{by}: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unknown platform {platform}: use 12345 or 110.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was upgraded by a newer console; install it on this seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>110 police</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Caller number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a caller number and press Enter (Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phone} is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up {phone}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookup failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} order(s) from {phone}, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orders from {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>12345 hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>110 police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat: {seat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent: {agent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders: {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
