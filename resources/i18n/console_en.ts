<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="99"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="106"/>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="107"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="108"/>
        <source>Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="109"/>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="110"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="111"/>
        <source>Password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="146"/>
        <source>New account: it changes its password at the first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="147"/>
        <source>New password for {who}: changed at the next sign-in; a locked account is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="149"/>
        <source>Roles of {who}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="150"/>
        <source>Disable {who}? It can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="151"/>
        <source>Remove the authenticator app of {who}? It sets one up again at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="155"/>
        <source>Add (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="156"/>
        <source>Set the password (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="157"/>
        <source>Set the roles (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="158"/>
        <source>Disable (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="159"/>
        <source>Remove the app (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/account_form.py" line="205"/>
        <source>The two passwords differ: type the new password twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="43"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="43"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="43"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="43"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="44"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="44"/>
        <source>Locked until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="44"/>
        <source>Password age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="45"/>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="84"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="84"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="91"/>
        <source>{days} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="92"/>
        <source> (to change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="95"/>
        <source>not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/accounts_model.py" line="96"/>
        <source>set up, {left} recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="42"/>
        <source>(no keyword)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="32"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="33"/>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="78"/>
        <source>Name the consultation, e.g. 2026年第4次会商.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="79"/>
        <source>Name at least one participant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="80"/>
        <source>Write the handling norm (处置规范).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="81"/>
        <source>A text is longer than 2000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="82"/>
        <source>A rule names kinds or keywords (or both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="83"/>
        <source>A kind, field or district is not in the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="84"/>
        <source>The department is not in the 12345 dispatch directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="87"/>
        <source>The rule cannot apply before the consultation was held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="90"/>
        <source>The last day is before the rule begins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="91"/>
        <source>It overlaps rule {rule} with no priority to choose between them: give both a different priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="95"/>
        <source>This item is already decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="96"/>
        <source>The matter is on the agenda already: item #{item}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="97"/>
        <source>There is no such rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="98"/>
        <source>The rule has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="99"/>
        <source>The rule was changed meanwhile: read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="196"/>
        <source>In effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="197"/>
        <source>Not yet in effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="198"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/consultation_items.py" line="199"/>
        <source>Superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/agenda.py" line="55"/>
        <source>Three-way call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/agenda.py" line="57"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/agenda.py" line="59"/>
        <source>Re-dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/agenda.py" line="61"/>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="81"/>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="81"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="82"/>
        <source>Per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="83"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../console/ui/alarms/banner.py" line="25"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmFilters</name>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="43"/>
        <location filename="../../console/domain/deadline_kinds.py" line="35"/>
        <source>Awaiting sign-for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="44"/>
        <location filename="../../console/domain/deadline_kinds.py" line="41"/>
        <source>Awaiting feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="45"/>
        <location filename="../../console/domain/deadline_kinds.py" line="46"/>
        <source>Awaiting completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="47"/>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="56"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="65"/>
        <source>Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="66"/>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="67"/>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="68"/>
        <source>Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/filters.py" line="69"/>
        <source>Seat:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmNotifier</name>
    <message>
        <location filename="../../console/ui/alarms/notifier.py" line="119"/>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/notifier.py" line="131"/>
        <source>{count} new alarm(s): {parts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="124"/>
        <source>Today ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="125"/>
        <source>Tomorrow ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="126"/>
        <source>Later ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="155"/>
        <source>Acknowledgement note (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="157"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="159"/>
        <source>Escalate to (person or unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="161"/>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="282"/>
        <source>Acknowledged {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="289"/>
        <source>Escalated {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="298"/>
        <source>Select an alarm in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="330"/>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/panel.py" line="109"/>
        <source>Could not load alarms: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="105"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="106"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="107"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="108"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="109"/>
        <source>Due at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="110"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="111"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="112"/>
        <source>Handling seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="113"/>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="114"/>
        <source>Escalated to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="118"/>
        <location filename="../../console/domain/deadline_kinds.py" line="34"/>
        <source>Sign for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="119"/>
        <location filename="../../console/domain/deadline_kinds.py" line="40"/>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="120"/>
        <location filename="../../console/domain/deadline_kinds.py" line="45"/>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="157"/>
        <location filename="../../console/ui/models/queue_model.py" line="80"/>
        <source>{d}d {h}h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="159"/>
        <location filename="../../console/ui/models/queue_model.py" line="82"/>
        <source>{h}h {m}m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="161"/>
        <location filename="../../console/ui/models/queue_model.py" line="84"/>
        <source>{m}m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="163"/>
        <location filename="../../console/ui/models/queue_model.py" line="86"/>
        <source>{s}s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="165"/>
        <location filename="../../console/ui/models/queue_model.py" line="88"/>
        <source>{span} over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="166"/>
        <location filename="../../console/ui/models/queue_model.py" line="89"/>
        <source>{span} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="219"/>
        <source>{by}: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="228"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="229"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/model.py" line="230"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="168"/>
        <source>Record an answer for {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="168"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="182"/>
        <source>Name and post at the partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="188"/>
        <source>The partner refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="189"/>
        <source>Partner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="190"/>
        <source>How:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="191"/>
        <source>Who answered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="192"/>
        <source>When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="193"/>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="196"/>
        <source>Every partner has answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../console/app.py" line="188"/>
        <source>Unknown platform {platform}: use 12345 or 110.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="270"/>
        <source>Deadline policy: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="275"/>
        <source>Business calendar: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="280"/>
        <source>Linkage plans: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="285"/>
        <source>Audit trail: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_platform.py" line="291"/>
        <source>会商 rules: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_compose.py" line="177"/>
        <location filename="../../console/app_platform.py" line="296"/>
        <source>Exchange: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_app.py" line="73"/>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="123"/>
        <source>The pair&apos;s second config is of the same platform ({platform}): give the other platform&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_compose.py" line="210"/>
        <source>The database was upgraded by a newer console; install it on this seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_compose.py" line="221"/>
        <source>Cannot open the database {url}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleForm</name>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="65"/>
        <source>Save as a new version ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="79"/>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="80"/>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="81"/>
        <source>会商 rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="82"/>
        <source>Kinds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="83"/>
        <source>Keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="84"/>
        <source>Valid from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="85"/>
        <source>Valid to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="86"/>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="100"/>
        <source>{id}, version {version}: a save stores version {next}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/article_form.py" line="104"/>
        <source>A new article: its id is given when it is saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="51"/>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="52"/>
        <source>Sign-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="53"/>
        <source>Failed sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="54"/>
        <source>Locked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="55"/>
        <source>Idle lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="56"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="57"/>
        <source>Order step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="58"/>
        <source>Alarm acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="59"/>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="60"/>
        <source>Personal data shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="61"/>
        <source>Account change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="62"/>
        <source>Role change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="63"/>
        <source>Directory change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="64"/>
        <source>Policy change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="65"/>
        <source>Configuration change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="66"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="67"/>
        <source>Purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="68"/>
        <source>Peer message refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="69"/>
        <source>Refused by the peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="70"/>
        <source>Peer connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="71"/>
        <source>Platform split off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="72"/>
        <source>Emergency incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="80"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="81"/>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="82"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="112"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="112"/>
        <source>When (China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="112"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="112"/>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="113"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="113"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="113"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_model.py" line="113"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="91"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="94"/>
        <source>Show (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="97"/>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="98"/>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="99"/>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="100"/>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="120"/>
        <source>Older rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="123"/>
        <source>Verify the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="165"/>
        <source>{text} is not a date: type it as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="169"/>
        <source>“To” is before “From”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="174"/>
        <location filename="../../console/ui/admin/audit_view.py" line="180"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="186"/>
        <source>{count} rows shown, newest first; older rows: Alt+O or scroll down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="188"/>
        <source>{count} rows shown, newest first; no older rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="196"/>
        <source>Could not read the audit trail: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="217"/>
        <source>Checking the whole chain… {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="236"/>
        <source>Could not check the chain: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="243"/>
        <source>The audit trail is empty: nothing to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="245"/>
        <source>Intact: {rows} rows; head row {seq}, MAC {mac} (note it elsewhere to compare later: rows cut off the end leave no trace in the chain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="249"/>
        <source>BROKEN: row {seq} was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="250"/>
        <source>BROKEN: rows are missing from row {seq} on: deleted behind the console&apos;s back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="252"/>
        <source>BROKEN: row {seq} does not belong to the chain: inserted (or rewritten with its MAC) behind the console&apos;s back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="254"/>
        <source>BROKEN: row {seq} was signed with another key: use the key file the site&apos;s seats use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="256"/>
        <source>BROKEN at row {seq}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/audit_view.py" line="257"/>
        <source>({rows} rows read)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="75"/>
        <source>Select an incident first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="98"/>
        <source>Started {number}: {level}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="118"/>
        <source>{number} is now {level}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="135"/>
        <source>Answer recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="147"/>
        <source>Select a partner in the grid first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="157"/>
        <source>{partner} notified again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="169"/>
        <source>{number} stood down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/actions.py" line="202"/>
        <source>Not done: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="47"/>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="47"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="47"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="47"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="48"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="51"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="52"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="53"/>
        <source>On a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="54"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="55"/>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="57"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="59"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="60"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="61"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="62"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="63"/>
        <source>Missed call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="64"/>
        <source>Answer (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="66"/>
        <location filename="../../console/ui/seat/call_bar.py" line="139"/>
        <source>No call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="117"/>
        <source>Waiting {count} · longest {wait} · answered within 15 s {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="128"/>
        <source>{line} line · {number} · waiting {waited}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="144"/>
        <source>on the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="145"/>
        <source>on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="146"/>
        <source>transferring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="147"/>
        <source>three-way call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="148"/>
        <source>transferred in from the peer platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="151"/>
        <source>{number} · {state} · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="167"/>
        <source>On hold for {time}: go back to the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/call_bar.py" line="169"/>
        <source>On hold {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallersTold</name>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="58"/>
        <source>Caller told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="60"/>
        <source>Tick the selected caller told the result ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="106"/>
        <source>Callers to tell the result: {told} of {count} told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="116"/>
        <source>joined from {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="117"/>
        <source>the order&apos;s caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="128"/>
        <source>✓ Told at {platform} {at} by {by} · {who} · {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="131"/>
        <source>✓ Told {at} by {by} · {who} · {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="120"/>
        <source>○ Not told yet · {who} · {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/callers_told.py" line="141"/>
        <source>Not recorded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <location filename="../../console/ui/reports/card.py" line="37"/>
        <source>Nothing in this period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultationTab</name>
    <message>
        <location filename="../../console/app_consultation.py" line="34"/>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="111"/>
        <source>Make consultation item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="113"/>
        <source>Record decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="115"/>
        <source>Edit rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="116"/>
        <source>Retire rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="123"/>
        <source>Last day it applies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="124"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="125"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="128"/>
        <source>Read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="136"/>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="137"/>
        <source>Consultation items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="138"/>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="140"/>
        <source>Rule effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="219"/>
        <source>Disputed matters {first} – {last}: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="237"/>
        <source>Could not read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="259"/>
        <source>Consultation item #{id} made: {matter}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="269"/>
        <source>Choose an open consultation item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="274"/>
        <source>Decision on item #{id}: {matter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="285"/>
        <source>Rule {rule}: a new version after version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="299"/>
        <source>Rule {rule}: last day it applies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="367"/>
        <source>, last day {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="368"/>
        <source>Rule {rule} version {version} stored{until}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/tab.py" line="381"/>
        <source>Not done: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/follow.py" line="36"/>
        <source>Another seat changed the rules · {key} reads them again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../console/ui/crash_dialog.py" line="41"/>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/crash_dialog.py" line="44"/>
        <source>Something went wrong: {summary}

Your work so far is kept. Please tell IT and give them the log file:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="79"/>
        <source>e.g. 2026年第4次会商</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="81"/>
        <location filename="../../console/ui/consultation/decision_form.py" line="83"/>
        <source>separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="82"/>
        <source>e.g. 纪要〔2026〕4号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="87"/>
        <source>department code, e.g. 210100-CG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="90"/>
        <source>Who handles it, and how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="93"/>
        <source>empty, or a whole number (higher wins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="98"/>
        <source>Consultation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="98"/>
        <source>Held on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="99"/>
        <source>Participants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="99"/>
        <source>Minutes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="100"/>
        <source>Keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="100"/>
        <source>Responsible platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="101"/>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="101"/>
        <source>Handling norm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="102"/>
        <source>Applies from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="102"/>
        <source>Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/decision_form.py" line="142"/>
        <source>The priority is a whole number, or empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="101"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="102"/>
        <source>Linked orders (Enter opens one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="143"/>
        <source>No incident selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="153"/>
        <source>{level} · {event} · {number}
{place} — {summary}
Started {at} by {by} ({platform})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="160"/>
        <source>Stood down at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="164"/>
        <source>{drill}: this is an exercise; it is left out of the real figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/detail_pane.py" line="168"/>
        <source>The plan names partners this city&apos;s directory lacks: {kinds} — reach them by phone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EffectsModel</name>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="148"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="148"/>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="148"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="149"/>
        <source>Before, per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="149"/>
        <source>After, per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="150"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="150"/>
        <source>Months before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="151"/>
        <source>Months after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="161"/>
        <source>{mean:.1f} ({total} in {months} months)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <location filename="../../console/domain/emergency.py" line="51"/>
        <source>Natural disaster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="52"/>
        <source>Accident disaster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="53"/>
        <source>Public-health event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="54"/>
        <source>Social-security event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="96"/>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="97"/>
        <source>orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="98"/>
        <source>yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="99"/>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="102"/>
        <source>Level I, extremely serious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="103"/>
        <source>Level II, serious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="104"/>
        <source>Level III, major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/emergency.py" line="105"/>
        <source>Level IV, general</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmergencyBoard</name>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="102"/>
        <source>New incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="103"/>
        <source>Raise / lower level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="104"/>
        <source>Record answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="105"/>
        <source>Re-notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="106"/>
        <source>Stand down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="108"/>
        <source>Wall mode (Shift+F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="208"/>
        <source>Could not load the board: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="230"/>
        <source>{active} active incident(s), {overdue} partner(s) overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/board.py" line="234"/>
        <source> · {count} {drill}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmergencyWords</name>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="54"/>
        <source>extremely serious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="55"/>
        <source>serious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="56"/>
        <source>major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="57"/>
        <source>general</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="68"/>
        <source>{level} ({colour})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="78"/>
        <source>DRILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="84"/>
        <source>119 fire and rescue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="85"/>
        <source>120 ambulance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="86"/>
        <source>122 traffic police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="87"/>
        <source>Water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="88"/>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="89"/>
        <source>Gas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="90"/>
        <source>Heating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="91"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="92"/>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="93"/>
        <source>Airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="94"/>
        <source>Highway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="95"/>
        <source>Railway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="96"/>
        <source>Emergency bureau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="103"/>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="104"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="105"/>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="106"/>
        <location filename="../../console/ui/emergency/models.py" line="352"/>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="107"/>
        <location filename="../../console/ui/emergency/models.py" line="353"/>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="108"/>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="119"/>
        <source>by the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="120"/>
        <source>by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="121"/>
        <source>by radio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="122"/>
        <source>in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="123"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="129"/>
        <source>✔ {ack} acknowledged · ○ {waiting} waiting · ⚠ {overdue} overdue · ✖ {refused} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/words.py" line="142"/>
        <source>{d}d {hh:02}:{mm:02}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="350"/>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="351"/>
        <source>no partner in the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="354"/>
        <source>notified again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="355"/>
        <source>level changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="356"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="357"/>
        <source>order linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="358"/>
        <source>stood down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExcelExport</name>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="48"/>
        <source>Writing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="48"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="51"/>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="71"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/exports.py" line="82"/>
        <source>Writing {name}: {done:,} of {total:,} rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeWords</name>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="42"/>
        <source>{d} d {h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="44"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="46"/>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="48"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="49"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="54"/>
        <source>{platform} platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="62"/>
        <source>Not yet acknowledged by the other platform · {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="69"/>
        <source>{count} step(s) of this order not yet acknowledged; the oldest sent {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="80"/>
        <source>Refused by the other platform: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="89"/>
        <source>Refused at {time}: the other platform did not take this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="100"/>
        <source>{peer}: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="104"/>
        <source>{peer}: down {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="107"/>
        <source>{peer}: not reached yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="109"/>
        <source> · backlog {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="115"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="117"/>
        <source>Exchange with {peer} ({id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="120"/>
        <source>In this state since: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="123"/>
        <source>Queued: {count}; the oldest since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="126"/>
        <source>Refused by the other platform: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="129"/>
        <source>Last acknowledged: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/exchange_words.py" line="135"/>
        <source>Last error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldOrders</name>
    <message>
        <location filename="../../console/ui/seat/held_orders.py" line="53"/>
        <source>◷ Held on this seat, not yet in the database: {count} new order(s) (Enter on a line opens it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldSteps</name>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="116"/>
        <source>Ctrl+Shift+D dismisses the lines not written, once dealt with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="143"/>
        <source>◷ Held: {step} — written when the database is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="146"/>
        <source>the order was changed by another seat meanwhile: redo it if still needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="150"/>
        <source>⚠ Not written: {step} — {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../console/ui/history_model.py" line="43"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="44"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="45"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="46"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="47"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/history_model.py" line="48"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="20"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="21"/>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="22"/>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="23"/>
        <source>Signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="24"/>
        <source>Handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="25"/>
        <source>Fed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="26"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="27"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="28"/>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="29"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="35"/>
        <source>12345 hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/names.py" line="36"/>
        <source>110 police</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HotspotView</name>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="96"/>
        <source>Hot spots of the last 24 hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="105"/>
        <source>Orders behind it (Enter opens one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="110"/>
        <source>Verify by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="112"/>
        <source>Send verification order (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="115"/>
        <source>Feedback due within 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="198"/>
        <source>{open} to verify · {taken} taken up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="204"/>
        <source>Could not load the hot spots: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="225"/>
        <source>No hot spot in the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="237"/>
        <source>{district} · {what} · {window}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="241"/>
        <source>{count} orders at one address in the window (a repeat: {least} or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="248"/>
        <source>{count} orders in the window. Baseline (the same hours of earlier days, newest first): {base} — none before: no threshold, it fired on the minimum count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="252"/>
        <source>{count} orders in the window. Baseline (the same hours of earlier days, newest first): {base}; mean {mean:.1f}, sd {sd:.1f}, threshold {threshold:.1f}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="259"/>
        <source>✔ Taken up {at} by {by}: verification order {number} to {department}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="264"/>
        <source>○ Not taken up yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="273"/>
        <source>Loading the directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="283"/>
        <source>Could not read the department directory: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="319"/>
        <source>Choose the department or government to verify it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="328"/>
        <source>Verification order {number} sent to {department}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/view.py" line="337"/>
        <source>Not sent: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HotspotWords</name>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="32"/>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="33"/>
        <source>field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="34"/>
        <source>keyword group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="35"/>
        <source>one address (repeats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="43"/>
        <source>repeats ≥ {least}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="45"/>
        <source>— no baseline: minimum count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="51"/>
        <source>✔ taken up: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="54"/>
        <source>○ to verify</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HotspotsModel</name>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="70"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="70"/>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="70"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="70"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="71"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="71"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/hotspots/model.py" line="71"/>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="28"/>
        <source>Peer signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="29"/>
        <source>Peer fed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="30"/>
        <source>Peer returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="31"/>
        <source>Peer refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="32"/>
        <source>Awaiting completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="33"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="44"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="44"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="44"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="44"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="45"/>
        <source>Status now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="45"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/inbox_model.py" line="97"/>
        <location filename="../../console/ui/models/inbox_model.py" line="107"/>
        <source>due {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../console/ui/seat/inbox_view.py" line="52"/>
        <location filename="../../console/ui/seat/inbox_view.py" line="128"/>
        <source>Nothing needs this seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/inbox_view.py" line="106"/>
        <source>Cannot read the inbox: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/inbox_view.py" line="123"/>
        <source>{new} new · {total} in all · {awaiting} awaiting completion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentAlarmStrip</name>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="74"/>
        <source>Acknowledgement note (partner alarm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="78"/>
        <source>Acknowledge partner alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="93"/>
        <source>Acknowledged: {partner} ({number}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentAlarms</name>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="46"/>
        <source>Level {numeral}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="47"/>
        <source>Partner overdue: {partner} · {number} {level} · notice {attempt} · raised {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="53"/>
        <source>[Drill] {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/incident_alarms.py" line="55"/>
        <source>{text} (acknowledged by {by}: {note})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="59"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentOffer</name>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="62"/>
        <source>{d} d {h} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="64"/>
        <source>{h} h {m} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="66"/>
        <source>{m} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="67"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="75"/>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="198"/>
        <source>Will be linked to incident {number} when the database is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="200"/>
        <source>Linked to incident {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="205"/>
        <source>Not linked to incident {number}: {why} The order {order} is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="213"/>
        <source>Linked to incident {number} (Ctrl+L unlinks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/incident_offer.py" line="216"/>
        <source>Active incidents in the caller&apos;s city: Ctrl+L links this order to the selected one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsModel</name>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="71"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="72"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="73"/>
        <source>Event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="74"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="75"/>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="76"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="77"/>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="144"/>
        <source>stood down {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeAssist</name>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="36"/>
        <source>Suggested: transfer to {platform}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="40"/>
        <source>Suggested: handle here ({platform})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="45"/>
        <source>, department: {department}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="54"/>
        <source>matched: {keywords}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="60"/>
        <source>handling norm: {norm}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="63"/>
        <source>becomes there: {kinds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="69"/>
        <source>also matching: {rules}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="77"/>
        <source>No 会商 rule or list item matches, and no past order of this matter in the last {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="81"/>
        <source>No 会商 rule matches. Of {total} past orders with similar text (last {days} days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="84"/>
        <source>No 会商 rule matches. Of {total} past orders of this matter (last {days} days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="87"/>
        <source>{share} stayed at {platform} ({count}), {peer_share} went to {peer} ({peer_count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="98"/>
        <source>; departments: {list}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="104"/>
        <source>same caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="105"/>
        <source>same address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="106"/>
        <source>same district and kind, similar text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist_text.py" line="126"/>
        <source>text {alike} alike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="137"/>
        <source>Accept (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="138"/>
        <source>✓ Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="145"/>
        <source>Likely duplicates, best first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="148"/>
        <source>Caller joins selected (Ctrl+J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="220"/>
        <source>Suggested transfer accepted: F8 transfers the caller with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="230"/>
        <source>Select the order the caller joins (Alt+V, then the arrow keys), then Ctrl+J.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="236"/>
        <source>Joining {number}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="301"/>
        <source>The caller joined {number} as another caller ({count} callers about it in the window); no new order was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="305"/>
        <source>Repeated-request warning raised for the shift lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_assist.py" line="313"/>
        <source>Not joined: {error}. Everything typed is still here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeFields</name>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="77"/>
        <source>Street, compound, building and door number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="82"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="83"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="84"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="91"/>
        <source>Affects social stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="94"/>
        <source>Caller agreed to be transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="120"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="120"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="121"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="121"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="122"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="122"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="123"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="93"/>
        <source>Will be passed to 110 at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="70"/>
        <source>Choose (type its number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_fields.py" line="126"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="98"/>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="197"/>
        <source>A saved draft could not be read and was moved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="123"/>
        <source>Restore (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="124"/>
        <source>Set aside (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="182"/>
        <source>Restored the unsaved draft of this call ({caller}, {time}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="205"/>
        <source>Restore the unsaved draft (call from {caller}, {time})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="219"/>
        <source>Restored the unsaved draft (call from {caller}, {time}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="236"/>
        <source>The unsaved draft (call from {caller}, {time}) was kept in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="254"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="269"/>
        <source>Not saved: {error}. Everything typed is still here; press Ctrl+S to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="278"/>
        <source>Saved as {number}. Changes made while saving are still in the form: check them before saving again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="283"/>
        <source>Saved as {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="310"/>
        <source>Not saved: correct what is marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="319"/>
        <source>Enter the caller&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="320"/>
        <source>Not a phone number: mobile, landline (area code optional) or service number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="321"/>
        <source>Holds characters that cannot be stored (a NUL or a broken character): type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="322"/>
        <source>Name: at most {max} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="323"/>
        <source>Choose a kind of request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="324"/>
        <source>“{kind}” is not a kind of the {platform} platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="325"/>
        <source>Choose a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="326"/>
        <source>Orders of the {platform} platform have no field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="327"/>
        <source>Choose a district from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="328"/>
        <source>Address: at most {max} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="329"/>
        <source>Describe the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="330"/>
        <source>At most {max} characters (now {length})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="331"/>
        <source>Choose a priority: normal, urgent or critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/intake_form.py" line="369"/>
        <source>The draft could not be kept on disk ({reason}); save the order soon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="96"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="96"/>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="96"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="97"/>
        <source>Disputes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="97"/>
        <source>Per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="97"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="98"/>
        <source>Put on by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <location filename="../../console/domain/knowledge.py" line="44"/>
        <source>Policy answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/knowledge.py" line="45"/>
        <source>Handling norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/knowledge.py" line="46"/>
        <source>Consultation result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgePane</name>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="48"/>
        <source>valid from {start}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="49"/>
        <source>valid {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="78"/>
        <source>Knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="86"/>
        <source>Cite on the order ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="88"/>
        <source>Record that this article answered the caller ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="135"/>
        <source>The knowledge base could not be searched: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="155"/>
        <source>No article for what is typed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="162"/>
        <source> · demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="163"/>
        <source> · rule {rule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="182"/>
        <source>Choose an article in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="184"/>
        <source>Citing {article}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="192"/>
        <source>{article} will be cited on {number} when the database is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="194"/>
        <source>{article} cited on order {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="201"/>
        <source>Not cited: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgeView</name>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="57"/>
        <source>New article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="59"/>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="71"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="71"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="71"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="72"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="72"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="72"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="113"/>
        <source>Could not read the articles: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="124"/>
        <source> (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="140"/>
        <source>in effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="141"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="141"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/knowledge_view.py" line="176"/>
        <source>Saved {id}, version {version}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="127"/>
        <source>Change the level of {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="128"/>
        <source>Change level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="139"/>
        <source>Why: what changed on the ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="140"/>
        <source>Now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="141"/>
        <source>New level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="142"/>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkAlarm</name>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="30"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="32"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="33"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="38"/>
        <source>(not named yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="39"/>
        <source>Peer platform {peer}: {count} message(s) unacknowledged, the oldest {age}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkAlarmStrip</name>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="63"/>
        <source>Acknowledgement note (link alarm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="65"/>
        <source>Acknowledge link alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="103"/>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="119"/>
        <source>{mark} Link alarm: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/link_alarm.py" line="124"/>
        <source>(acknowledged by {by}: {note})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkageBar</name>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="78"/>
        <source>Three-way call (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="80"/>
        <source>Send as dispatched order, keep the caller (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="82"/>
        <source>The caller agrees: transfer (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="84"/>
        <source>Record the outcome (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="86"/>
        <source>Open the order (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="88"/>
        <source>Cancel the transfer (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="90"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="159"/>
        <source>Three-way call: ringing the {line} line, {left} s left. F4 calls it off; the caller stays with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="162"/>
        <source>Transferring order {number} to the {line} line: ringing, {left} s left. F4 calls it off; the caller stays with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="177"/>
        <source>{why} The transfer was not tried. The caller is still with you: keep the caller and send order {number} as a dispatched order (互派), or press F8 again once a seat is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="182"/>
        <source>{why} The transfer was not tried; the caller is still with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="187"/>
        <source>nobody answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="187"/>
        <source>the line is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="188"/>
        <source>the peer rejected it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="192"/>
        <source>The transfer did not go through ({why}). The caller is still with you: start a three-way call, or keep the caller and send order {number} as a dispatched order (互派) for the peer to sign for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="198"/>
        <source>The peer line did not join ({why}). The caller is still with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="203"/>
        <source>Order {number}: ask the caller whether they agree to be transferred (与诉求方协商). If they agree, transfer; if not, keep the matter or start a three-way call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="210"/>
        <source>Order {number} is a social-stability clue: transfer it to 110 now (F8), top priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="217"/>
        <source>Three-way call with the peer platform on order {number}: when it is settled, record who takes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="221"/>
        <source>Three-way call with the peer platform. Save the order to record the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="228"/>
        <source>Three-way call from the peer platform on order {number}: the peer seat records who takes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="232"/>
        <source>Three-way call from the peer platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="236"/>
        <source>A caller came from the peer platform with order {number}: sign for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="241"/>
        <source>Order {number} went to the peer platform; it must sign for it in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="264"/>
        <source>{peer} signed for order {number}. What it does next comes to your Inbox (Alt+X).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="266"/>
        <source>{peer} signed for order {number} and is handling it. What it does next comes to your Inbox (Alt+X).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="268"/>
        <source>{peer} fed back on order {number}: it awaits your 办结 (Inbox, Alt+X).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="270"/>
        <source>{peer} returned order {number}: see your Inbox (Alt+X).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="291"/>
        <source>The three-way call on order {number} ended: record who takes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="91"/>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="119"/>
        <source>Caller number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="124"/>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="125"/>
        <source>Type a caller number and press Enter (Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="122"/>
        <source>Caller number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="157"/>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="159"/>
        <location filename="../../console/ui/main_window.py" line="279"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="161"/>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="162"/>
        <source>Caller lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="164"/>
        <source>Order detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="166"/>
        <location filename="../../console/ui/main_window.py" line="271"/>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="168"/>
        <source>Seat board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="170"/>
        <location filename="../../console/ui/main_window.py" line="288"/>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="172"/>
        <source>Hot spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="179"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="233"/>
        <source>{platform} seat {seat} · 12345 ⇄ 110 linkage console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="313"/>
        <source>{phone} is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="316"/>
        <source>Looking up {phone}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="329"/>
        <source>Lookup failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="337"/>
        <source>{count} order(s) from {phone}, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="341"/>
        <source>No orders from {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="105"/>
        <source>Nothing for this seat to do on this order now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="114"/>
        <source>Choose the 110 kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="118"/>
        <source>12345 takes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="119"/>
        <source>110 takes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="121"/>
        <source>Neither: first-contact responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="125"/>
        <source>Provisional acceptance (先行受理)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="127"/>
        <source>Guidance given (合理引导)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="129"/>
        <source>The caller agrees to the transfer (与诉求方协商同意)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="138"/>
        <source>Confirm (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="139"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="144"/>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="145"/>
        <source>110 kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="146"/>
        <source>Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="147"/>
        <source>First contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="186"/>
        <location filename="../../console/ui/seat/order_actions.py" line="248"/>
        <source>This order changed meanwhile: this step is no longer possible. Your note is kept; copy it or close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="199"/>
        <source>{action}: work order {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="211"/>
        <source>Note (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="211"/>
        <source>Note (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="257"/>
        <source>The directory is still loading; a moment, please.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="260"/>
        <source>Choose the department to dispatch to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="266"/>
        <source>Choose the 110 kind of the linked order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="276"/>
        <source>Write the note first: this step needs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="280"/>
        <source>The note is too long ({count} characters; at most {most}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="286"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="315"/>
        <source>Not done: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="350"/>
        <source>Loading the directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_actions.py" line="354"/>
        <source>Could not read the department directory: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="169"/>
        <source>The department&apos;s progress report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="173"/>
        <source>What was done, as the caller will hear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="185"/>
        <source>Why it is returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="191"/>
        <source>Send to {platform}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="199"/>
        <source>Why: what the three parties agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="206"/>
        <source>What was accepted, or what the caller was told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="213"/>
        <source>The department&apos;s report: dispute escalating, crime suspected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="221"/>
        <source>Why it is cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderCiter</name>
    <message>
        <location filename="../../console/ui/seat/knowledge_pane.py" line="227"/>
        <source>{article} will be cited when the order is saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="134"/>
        <source>No order shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="33"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="33"/>
        <source>Origin → owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="34"/>
        <location filename="../../console/ui/seat/order_timeline.py" line="52"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="34"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="35"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="35"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="36"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="36"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="37"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="37"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="38"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="39"/>
        <source>First-contact mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="40"/>
        <source>Social stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="41"/>
        <source>Consent to transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="62"/>
        <source>{label}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="121"/>
        <source>{due} (held, not yet written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="50"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="50"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="51"/>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="51"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="52"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="53"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="74"/>
        <source>◷ {action} (held, not yet written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="98"/>
        <source>Enter: open {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="182"/>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="192"/>
        <source>Timeline (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="193"/>
        <source>The caller&apos;s other orders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="207"/>
        <source>Loading {number}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="254"/>
        <location filename="../../console/ui/seat/order_detail.py" line="362"/>
        <source>Work order {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="256"/>
        <source> (held on this seat, not yet in the database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="271"/>
        <location filename="../../console/ui/seat/held_orders.py" line="56"/>
        <location filename="../../console/ui/models/queue_model.py" line="342"/>
        <source>{status} (held, not yet written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="76"/>
        <source>⚠ The database connection is lost: this is the copy this seat read at {time}; it may have changed since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="80"/>
        <source>◷ Held on this seat: this order is not yet in the database. It gets its number when the database is back; steps taken on it are held after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/held_steps.py" line="84"/>
        <source>◷ Shown as it will be once written: {count} held step(s) not yet in the database (marked on the timeline).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="83"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="83"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="351"/>
        <source>There is no work order {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="355"/>
        <source>Could not load {number}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="363"/>
        <source>Order on its way from the other platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_detail.py" line="383"/>
        <source>Held as {label}: written when the database is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="115"/>
        <source>12345 takes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="116"/>
        <source>110 takes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="117"/>
        <source>first-contact responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_timeline.py" line="120"/>
        <source>linked order {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="78"/>
        <location filename="../../console/ui/models/queue_model.py" line="362"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="79"/>
        <location filename="../../console/ui/models/queue_model.py" line="363"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="80"/>
        <location filename="../../console/ui/models/queue_model.py" line="364"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="81"/>
        <source>Provisional acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_fields.py" line="82"/>
        <source>Guidance and explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="147"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="149"/>
        <source>Sign for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="152"/>
        <source>Department signs for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="156"/>
        <source>Handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="162"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="168"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="172"/>
        <source>Feed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="177"/>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="183"/>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="190"/>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="196"/>
        <source>Three-way outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="204"/>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="211"/>
        <source>Escalate to 110</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="218"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="230"/>
        <source>Merged into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="235"/>
        <source>Caller joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="240"/>
        <source>Unmerged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/actions.py" line="245"/>
        <source>Caller split off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/deadline_kinds.py" line="35"/>
        <source>Sign-for due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/deadline_kinds.py" line="41"/>
        <source>Feedback due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/deadline_kinds.py" line="46"/>
        <source>Completion due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderMerge</name>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="92"/>
        <source>Merge into… (并单, {key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="95"/>
        <source>Unmerge (拆单, {key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="120"/>
        <source>The order number, or pick one above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="123"/>
        <source>Why these are one matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="127"/>
        <source>Confirm (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="128"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="131"/>
        <source>Likely duplicates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="132"/>
        <source>Merge into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="136"/>
        <source>Note (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="166"/>
        <source>Merge work order {number} into another (并单)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="167"/>
        <source>Unmerge work order {number} from {into} (拆单)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="198"/>
        <source>Choose or type the order to merge into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="202"/>
        <source>The note is too long ({count} characters; at most {most}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="212"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="247"/>
        <source>Looking for likely duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="269"/>
        <source>No likely duplicates among open orders: type the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="274"/>
        <source>Could not read the likely duplicates: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_merge.py" line="299"/>
        <source>Not done: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersDialog</name>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="33"/>
        <source>Orders behind: {figure}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="35"/>
        <source>Reading the orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="44"/>
        <source>All to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="58"/>
        <source>No orders behind {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="61"/>
        <source>{figure}: the first {shown} of {count} orders, oldest first. Enter opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="66"/>
        <source>{figure}: {count} order(s), oldest first. Enter opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/orders_dialog.py" line="74"/>
        <source>Could not read the orders: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="326"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="326"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="326"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="326"/>
        <source>Linked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnersModel</name>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="195"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="196"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="197"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="198"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="199"/>
        <source>Notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="200"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="201"/>
        <source>Answered (how, who)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="202"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="242"/>
        <source>Duty phone: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="274"/>
        <source>{due} (over by {late})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="277"/>
        <source>{due} ({left} left)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeerSeats</name>
    <message>
        <location filename="../../console/ui/seat/linkage_bar.py" line="317"/>
        <source>{line} ready seats: {ready} (free: {free})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../console/ui/seat/queue_page.py" line="45"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuesView</name>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="97"/>
        <source>My orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="98"/>
        <source>Platform open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="99"/>
        <source>Awaiting sign-for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="100"/>
        <source>All orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="120"/>
        <source>Order number or phone (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="243"/>
        <source>“{text}” is neither a phone number nor an order number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="289"/>
        <source>{title} ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="317"/>
        <source>The queue could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="333"/>
        <source>The first {count} orders are shown: search to narrow the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="335"/>
        <source>{count} orders loaded; scroll for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="337"/>
        <source>{count} orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/queues_view.py" line="341"/>
        <source>Search {search}: {rest}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../console/ui/refusals.py" line="23"/>
        <source>Unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="38"/>
        <source>An order is created only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="39"/>
        <source>The order is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="40"/>
        <source>Not possible while the order is “{status}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="41"/>
        <source>Only a {platform} seat may do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="42"/>
        <source>The order came from {platform}: send it back (退回) instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="43"/>
        <source>Write the note first: this step needs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="44"/>
        <source>Say what the step refers to (department, outcome…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="45"/>
        <source>Only 12345 dispatches to departments; 110 transfers non-police matters to 12345.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="49"/>
        <source>Only a department&apos;s report escalates to 110: dispatch the order first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="52"/>
        <source>Choose the three-way call&apos;s outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="53"/>
        <source>The caller&apos;s consent to the transfer is not recorded (与诉求方协商后).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="56"/>
        <source>Say whether it is provisional acceptance or guidance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="57"/>
        <source>Guidance given: the order closes, it is not handled further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="60"/>
        <source>A provisionally accepted order is handled and fed back before it is completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="64"/>
        <source>“{kind}” is not a 110 police kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="66"/>
        <source>Other callers joined this order: split them off before merging it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="69"/>
        <source>The order is not merged into that order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="70"/>
        <source>That order&apos;s caller has not joined this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="71"/>
        <source>An order cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="73"/>
        <source>The order has no feedback yet: there is no result to tell its callers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="76"/>
        <source>That number is not a caller of this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="77"/>
        <source>Enter the caller&apos;s phone number first: the order keeps whom to tell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="80"/>
        <source>This caller is already on that order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="82"/>
        <source>The agent&apos;s name must be 1–32 characters of plain text on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="85"/>
        <source>The seat id must be 1–16 characters of plain text on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="88"/>
        <source>This computer&apos;s clock is far off (the log has the time it reads): ask IT to set it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="92"/>
        <source>Another seat changed this order since it was shown; it has been reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="95"/>
        <source>There is no work order {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="97"/>
        <source>Article {article} is not in effect (expired or replaced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="98"/>
        <source>An article&apos;s id is like K-001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="99"/>
        <source>Give the article a title of one line, at most {most} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="100"/>
        <source>Write the article&apos;s text (at most {most} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="101"/>
        <source>“{kind}” is not a kind of the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="102"/>
        <source>At most {most} keywords, each at most {length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="105"/>
        <source>The last valid day is before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="106"/>
        <source>A consultation result names its 会商 rule (like R-017); other articles name none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="109"/>
        <source>Write dates as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="110"/>
        <source>Say why you need the caller&apos;s full number: the reason is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="113"/>
        <source>“{department}” is not a department in the directory (or it was retired).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="116"/>
        <source>{platform} seat {seat} ({agent}) transferred this order first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="119"/>
        <source>Seat {seat} is transferring this order right now; wait for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="122"/>
        <source>This transfer attempt was called off; press the key again for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="126"/>
        <source>No {platform} seat is ready (就绪).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="127"/>
        <source>No free {platform} seat: {busy} ready seat(s) on a call or ringing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="130"/>
        <source>This request was already used for another order ({number}); try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="133"/>
        <source>Write the acknowledgement note first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="134"/>
        <source>The note is too long (at most {most} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="135"/>
        <source>The text holds characters that cannot be stored (a NUL or a broken character): type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="138"/>
        <source>Name the person the alarm is escalated to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="139"/>
        <source>That alarm no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="140"/>
        <source>{code} is not one of this site&apos;s wrap-up codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="143"/>
        <source>{agent} already acknowledged this alarm; the first note stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="147"/>
        <source>Not during a call: the call ends first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="148"/>
        <source>The seat is logged out: log in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="149"/>
        <source>The seat cannot change to that state now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="150"/>
        <source>Say why the seat is not ready (break, meeting, training…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="153"/>
        <source>The call has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="154"/>
        <source>The call cannot do that in its present state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="155"/>
        <source>The switch refused the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="157"/>
        <source>The database connection is lost: this step needs it. Try again once it is back; what you typed is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="162"/>
        <source>The held order it was for was not written: enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="166"/>
        <source>The database connection is lost and this seat has not opened {number} since sign-in: it can be opened once the database is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="172"/>
        <source>The database server cannot be reached: the console reconnects by itself. Try again in a moment; tell IT if it lasts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="177"/>
        <source>The database server is restarting: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="181"/>
        <source>The database disk is full: nothing more can be saved. Tell IT at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="185"/>
        <source>The database is busy with another seat&apos;s change: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="188"/>
        <source>The database server is overloaded: try again in a moment; tell IT if it lasts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="192"/>
        <source>The database is read-only here: nothing can be saved. Tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="196"/>
        <source>The database named in the settings does not exist: IT must create it (init-db).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="199"/>
        <source>The database server&apos;s certificate is not trusted (not signed by the CA file in database.sslrootcert, made for another server name, expired, or the CA file is missing): tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="205"/>
        <source>The database server accepts encrypted (TLS) connections only: IT sets database.sslrootcert in the config file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="210"/>
        <source>The database server does not offer encryption (TLS) but the settings require it: tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="214"/>
        <source>The database refused the console&apos;s user name or password: tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="217"/>
        <source>The database file is not a SQLite database, or it is damaged: tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="220"/>
        <source>The database file cannot be opened or created: check its folder and its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="224"/>
        <source>“{path}” is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="225"/>
        <source>The database&apos;s folder “{path}” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="226"/>
        <source>The database URL is not one this console can use (SQLite or PostgreSQL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="229"/>
        <source>The database could not do this (the fault is logged): try again; tell IT if it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="235"/>
        <source>Enter your login and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="236"/>
        <source>The login or the password is wrong. After {attempts} wrong tries in a row the account is locked for {minutes} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="241"/>
        <source>Too many wrong tries: this account is locked until {until}. An administrator can unlock it sooner by setting a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="246"/>
        <source>Your password must be changed now (first sign-in, reset or expired).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="249"/>
        <source>Enter the 6-digit code from your authenticator app, or a recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="252"/>
        <source>The one-time code is wrong or already used: enter the code the app shows now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="256"/>
        <source>An authenticator app is already set up: an administrator removes it before a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="260"/>
        <source>This account signs in with a one-time code: set up your authenticator app first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="264"/>
        <source>A password has at most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="267"/>
        <source>The new password needs at least {min} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="270"/>
        <source>The new password needs characters of at least {classes} kinds: lower case, upper case, digits, other signs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="275"/>
        <source>The new password must not be the login, nor the login backwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="278"/>
        <source>The new password holds an invisible control character: type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="281"/>
        <source>The new password must differ from the present one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="284"/>
        <source>A login is 1–32 characters: letters a–z, digits, “.”, “_” or “-”, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="289"/>
        <source>There is already an account “{login}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="290"/>
        <source>There is no account “{login}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="291"/>
        <source>The name must be 1–32 characters of plain text on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="294"/>
        <source>Give the account at least one role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="295"/>
        <source>No account may be both {first} and {second} (三员分立).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="298"/>
        <source>The role {role} belongs to {platform} accounts only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="301"/>
        <source>Your roles do not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="303"/>
        <source>This seat takes {seat} calls; your account belongs to {platform}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="306"/>
        <source>The two new passwords differ: type the new password twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="309"/>
        <source>Finish the call and its wrap-up before signing out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="314"/>
        <source>The exchange message is larger than {most} bytes: it was not taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="317"/>
        <source>The exchange message is not readable JSON (damaged on the way?): it was not taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="320"/>
        <source>The exchange message does not follow the agreed format at {path}: it was not taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="323"/>
        <source>The exchange message has format version {version}; only 1.x is read: it was not taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="326"/>
        <source>The other platform has no order {number}: its transfer has not arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="329"/>
        <source>A rule of the other platform&apos;s system that this console does not know ({code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="333"/>
        <source>The site has no linkage plan for this event type at level {level}: ask IT to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="336"/>
        <source>No such incident: {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="337"/>
        <source>The response to {number} has been stood down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="338"/>
        <source>{number} is run by {platform}: its shift lead changes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="341"/>
        <source>The incident is already at this level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="342"/>
        <source>Say where it happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="343"/>
        <source>Write a short summary first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="344"/>
        <source>Unknown district code {district}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="345"/>
        <source>{partner} is not a partner of this incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="346"/>
        <source>{partner} is no longer needed at this level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="349"/>
        <source>{partner} has already answered (recorded by {by}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="352"/>
        <source>Say who answered at the partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="353"/>
        <source>The answer&apos;s time is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="354"/>
        <source>{order} is already linked to {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="356"/>
        <source>No such hot spot: {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/refusals.py" line="357"/>
        <source>This hot spot was already taken up: verification order {number}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelatedLinks</name>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="60"/>
        <source>Linked order (联动):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="63"/>
        <source>Merged into (并单):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="68"/>
        <source>Merged here (并入):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="70"/>
        <source>The caller&apos;s other orders cannot be looked up now (the database connection is lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="76"/>
        <source>No other orders from this caller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/order_related.py" line="86"/>
        <source>and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepeatWarningStrip</name>
    <message>
        <location filename="../../console/ui/alarms/repeat_warnings.py" line="62"/>
        <source>Acknowledge repeated request (Enter on the line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms/repeat_warnings.py" line="77"/>
        <source>Acknowledged: repeated request {number}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepeatWarnings</name>
    <message>
        <location filename="../../console/ui/alarms/repeat_warnings.py" line="37"/>
        <source>Repeated request: {number} · {callers} callers · {kind} · {address} · raised {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportFilters</name>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="66"/>
        <source>Both platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="70"/>
        <source>All districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="90"/>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="92"/>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="93"/>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="95"/>
        <source>Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="96"/>
        <source>District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/filters.py" line="143"/>
        <source>{period} · {platform} · {district}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportHeadlines</name>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="20"/>
        <source>Calls offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="21"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="22"/>
        <source>Answered within 15 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="23"/>
        <source>GB/T 33358 service level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="24"/>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="25"/>
        <source>Average handling time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="26"/>
        <source>Orders received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="27"/>
        <source>Orders completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="28"/>
        <source>Escalated to 110</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="29"/>
        <source>Alarms raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="30"/>
        <source>{n} acknowledged, median {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="32"/>
        <source>Hot spots found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="33"/>
        <source>{n} taken up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="34"/>
        <source>Verification orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="36"/>
        <source>Emergency incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="37"/>
        <source>drills left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="38"/>
        <source>Callers per order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="39"/>
        <source>{n} orders with 2 or more callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="41"/>
        <source>Merges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/headlines.py" line="42"/>
        <source>{n} undone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../console/ui/reports/page.py" line="238"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/page.py" line="239"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/page.py" line="256"/>
        <source>{name}  on time {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/page.py" line="261"/>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/page.py" line="262"/>
        <source>Fed back on time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../console/ui/reports/pdf.py" line="152"/>
        <source>{title} (continued)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../console/ui/reports/tables.py" line="119"/>
        <source>Enter or double-click: the orders behind it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <location filename="../../console/ui/reports/words.py" line="40"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="41"/>
        <source>Rates and times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="42"/>
        <source>Trend by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="43"/>
        <source>Orders by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="44"/>
        <source>Orders by field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="45"/>
        <source>Orders by district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="46"/>
        <source>Transfers each way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="47"/>
        <source>Three-way call outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="48"/>
        <source>First contact by mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="49"/>
        <source>Dispatches by department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="50"/>
        <source>Overdue by deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="51"/>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="52"/>
        <source>Alarms by level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="53"/>
        <source>Emergency incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="54"/>
        <source>Callers per order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="55"/>
        <source>Answers by knowledge article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="62"/>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="63"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="64"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="65"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="66"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="67"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="68"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="69"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="70"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="71"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="72"/>
        <source>Signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="73"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="74"/>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="75"/>
        <source>Fed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="76"/>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="77"/>
        <source>On-time share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="78"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="79"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="80"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="81"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="82"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="83"/>
        <source>Stood down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="84"/>
        <source>Linked orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="85"/>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="86"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="87"/>
        <source>Median minutes to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="98"/>
        <source>12345 took it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="99"/>
        <source>110 took it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="100"/>
        <source>Neither: first contact (首接负责)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="103"/>
        <source>Provisional acceptance (先行受理)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="104"/>
        <source>Guidance and explanation (合理引导和解释)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="120"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="125"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="126"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="127"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="128"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="147"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/words.py" line="148"/>
        <source>{m} min {s:02d} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="95"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="96"/>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="97"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="161"/>
        <source>Reading the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="168"/>
        <source>Report {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="183"/>
        <source>Could not read the report: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="192"/>
        <source>{filters} · made {at} (China time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="195"/>
        <source> · calls have no district: the call figures are the platform&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="229"/>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="259"/>
        <source>An export is running: cancel it or wait for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="261"/>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="262"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="268"/>
        <source>Writing {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="273"/>
        <source>Export cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="274"/>
        <source>Saved {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="280"/>
        <source>Export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="294"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="295"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="305"/>
        <source>Could not write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/reports/tab.py" line="308"/>
        <source>Saved {path} ({pages} page(s)).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevealRow</name>
    <message>
        <location filename="../../console/ui/seat/reveal_row.py" line="34"/>
        <source>Show full number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/reveal_row.py" line="41"/>
        <source>Why do you need the full number? (recorded) Enter: show, Esc: cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ringer</name>
    <message>
        <location filename="../../console/ui/seat/ringer.py" line="96"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolePages</name>
    <message>
        <location filename="../../console/ui/admin/pages.py" line="61"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/pages.py" line="65"/>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/pages.py" line="69"/>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/app_roles.py" line="131"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleWindow</name>
    <message>
        <location filename="../../console/ui/admin/pages.py" line="82"/>
        <source>{name} ({login}) · 12345 ⇄ 110 linkage console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../console/domain/roles.py" line="46"/>
        <source>12345 agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/roles.py" line="47"/>
        <source>110 operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/roles.py" line="48"/>
        <source>Shift lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/roles.py" line="49"/>
        <source>System administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/domain/roles.py" line="50"/>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleEffect</name>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="50"/>
        <source>not yet applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="52"/>
        <source>fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="54"/>
        <source>more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/words.py" line="55"/>
        <source>the same</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="118"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="118"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="118"/>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="119"/>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="119"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="119"/>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/consultation/models.py" line="120"/>
        <source>Handling norm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenPopView</name>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="55"/>
        <location filename="../../console/ui/seat/screen_pop.py" line="146"/>
        <source>No caller yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="58"/>
        <source>Frequent caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="91"/>
        <source>Caller {phone}: cannot look up history (database unreachable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="98"/>
        <source>Held on this seat, not yet in the database: {numbers} (Enter on its row opens it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="100"/>
        <source>Orders saved now are held on this seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="104"/>
        <source>Caller {phone}: {count} earlier orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="109"/>
        <source>Frequent caller: {count} orders in 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="115"/>
        <source>Still open: {numbers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="117"/>
        <source> and {more} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/screen_pop.py" line="120"/>
        <source>No open orders.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeatController</name>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="161"/>
        <source>Pick the call&apos;s wrap-up code first (digits, then Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="175"/>
        <source>The state change could not be recorded (database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="237"/>
        <source>The wrap-up code could not be recorded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="247"/>
        <source>Finish the current call first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="360"/>
        <source>Missed call: set to not ready. Press F2 when ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_controller.py" line="364"/>
        <source>Could not load the caller&apos;s history: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeatLock</name>
    <message>
        <location filename="../../console/ui/idle_lock.py" line="93"/>
        <source>Seat locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeatPanel</name>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="91"/>
        <source>Ready (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="92"/>
        <source>Not ready: break (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="93"/>
        <source>Not ready: meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="94"/>
        <source>Not ready: training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="106"/>
        <source>Not ready: missed call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="120"/>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="207"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="208"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="106"/>
        <location filename="../../console/ui/seat/seat_panel.py" line="209"/>
        <source>On a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="106"/>
        <location filename="../../console/ui/seat/seat_panel.py" line="210"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="211"/>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/seat_panel.py" line="249"/>
        <source>{state} for {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../console/app_sign_in.py" line="82"/>
        <source>Sign in — seat {seat}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../../console/ui/sign_in.py" line="90"/>
        <location filename="../../console/ui/sign_in.py" line="106"/>
        <source>One-time code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="91"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="91"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="94"/>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="95"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="107"/>
        <source>Change the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="110"/>
        <source>New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="111"/>
        <source>New password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="126"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="129"/>
        <source>Scan this code with your authenticator app:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="131"/>
        <source>Or type the key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="132"/>
        <source>Code the app shows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="141"/>
        <source>I have written them down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="146"/>
        <source>Your recovery codes: each signs in once when the phone is not at hand. Write them down now; they are not shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="214"/>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="320"/>
        <source>Seat locked: enter your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="322"/>
        <source>Sign in to seat {seat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="323"/>
        <source>Choose a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="324"/>
        <source>Set up your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/sign_in.py" line="325"/>
        <source>Recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StandDownDialog</name>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="217"/>
        <source>Stand down {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="217"/>
        <source>Stand down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="221"/>
        <source>What was done, what remains, who handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/dialogs.py" line="223"/>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="47"/>
        <source>Start a linkage plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="47"/>
        <source>Start the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="58"/>
        <source>Chinese name, pinyin or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="60"/>
        <source>Street, crossing, building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="62"/>
        <source>What happened, how many people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="63"/>
        <source>Drill (演练): marked everywhere, left out of the real figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="65"/>
        <source>Event type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="66"/>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="67"/>
        <source>District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="68"/>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="69"/>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="71"/>
        <source>Choose the district to see who the plan notifies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="82"/>
        <source>Start a linkage plan from {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="117"/>
        <source>Asking the plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="128"/>
        <source>{name} ({kind}) — {task}, answer within {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="131"/>
        <source>The plan notifies {count} partner(s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/start_dialog.py" line="134"/>
        <source>no partner in this city for: {kinds}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../console/ui/start_screen.py" line="44"/>
        <location filename="../../console/ui/start_screen.py" line="45"/>
        <source>12345 ⇄ 110 linkage seat console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="50"/>
        <location filename="../../console/ui/start_screen.py" line="87"/>
        <source>Connecting to the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="59"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="60"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="81"/>
        <source>⚠ The database cannot be reached. Trying again in {seconds} s… (the console opens by itself once it answers; Esc closes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/start_screen.py" line="95"/>
        <source>The console could not start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateBoard</name>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="130"/>
        <source>Cannot load the seats: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="137"/>
        <source>Ready {ready} · on a call {call} · wrap-up {wrap} · not ready {busy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/state_board.py" line="142"/>
        <source> · offline {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../console/ui/status_bar.py" line="52"/>
        <source>12345 hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="52"/>
        <source>110 police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="54"/>
        <source>Seat: {seat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="57"/>
        <source>Agent: {agent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="59"/>
        <source>Alarm operator: {agent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="63"/>
        <source>Database: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="67"/>
        <location filename="../../console/ui/status_bar.py" line="116"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="99"/>
        <source>Demo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="102"/>
        <source>Signed in automatically (--demo-sign-in): not for a real site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="95"/>
        <location filename="../../console/ui/status_bar.py" line="107"/>
        <source>Orders: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="119"/>
        <source>Database reachable again at {back} (unreachable since {since})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="125"/>
        <source>Database unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="131"/>
        <source>Unreachable since {since}; the console keeps trying, and goes on with whichever database server takes writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="188"/>
        <source>Database connection lost · {count} orders held on this seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="191"/>
        <source>Writing {count} held orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="193"/>
        <source>{count} held entries not written: see the tooltip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="196"/>
        <source>{count} held by other agents at this seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="202"/>
        <source>Held orders written: {orders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="210"/>
        <source>the order was changed by another seat meanwhile: redo it if still needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="214"/>
        <source>not written ({reason}): enter it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../console/ui/reports/tiles.py" line="58"/>
        <source>Enter or double-click: the orders behind it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeLeft</name>
    <message>
        <location filename="../../console/ui/models/time_left.py" line="51"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/time_left.py" line="52"/>
        <source>Due within 2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/models/time_left.py" line="53"/>
        <source>Due within 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="289"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="289"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="289"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/models.py" line="289"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferFlow</name>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="111"/>
        <source>Sent to the peer platform after the restart: {numbers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="151"/>
        <source>This call came from the peer platform: return the order instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="164"/>
        <source>Save the order first: it goes with the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="156"/>
        <source>The call is already being transferred; wait for the peer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="268"/>
        <source>Transfer cancelled: the caller is still with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="278"/>
        <source>The {line} line did not take the call: {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="297"/>
        <source>The order did not go to {line}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="304"/>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="305"/>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/transfer_flow.py" line="306"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="64"/>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="65"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="66"/>
        <source>Remove app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="67"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="68"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="113"/>
        <source>Could not read the accounts: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="134"/>
        <source>Choose an account in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="158"/>
        <source>Account {login} added: its password is changed at the first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="160"/>
        <source>New password set for {login} (changed at the next sign-in); the account is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="162"/>
        <source>Roles of {login} set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="163"/>
        <source>Account {login} disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/admin/users_view.py" line="164"/>
        <source>The authenticator app of {login} is removed: it sets one up again at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="90"/>
        <source>Emergency board — wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="91"/>
        <source>Emergency linkage · active incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="95"/>
        <source>Esc: back to the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="131"/>
        <source>No active incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="137"/>
        <source>{count} more active incident(s) on the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="161"/>
        <source>✔ {ack} acknowledged   ○ {waiting} waiting   ⚠ {overdue} overdue   ✖ {refused} refused   · {orders} order(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/emergency/wall.py" line="180"/>
        <source>⚠ Overdue: {names}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="127"/>
        <source>Wallboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="145"/>
        <source>Floor now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="148"/>
        <source>Esc: back to the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="159"/>
        <source>Calls waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="164"/>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="170"/>
        <source>over 15 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="175"/>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="177"/>
        <source>Open alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="182"/>
        <source>Hot spots (last 24 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="184"/>
        <source>to verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="187"/>
        <source>Emergency incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="191"/>
        <source>○ None active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="299"/>
        <source>⚠ Not read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="309"/>
        <source>⚠ Not updated for {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="327"/>
        <source>✔ {count} answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="328"/>
        <source>✖ {count} abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="354"/>
        <source>Partners late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="358"/>
        <source>Link queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="370"/>
        <source>◇ {count} by keyword group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="371"/>
        <source>✔ {count} taken up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="333"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="171"/>
        <source>Answered ≤15 s today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="334"/>
        <source>On a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="335"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="336"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/wallboard/view.py" line="337"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../console/ui/seat/wrap_up_panel.py" line="41"/>
        <source>No order saved: pick a wrap-up code (digits, Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/wrap_up_panel.py" line="60"/>
        <source>More time (Shift+F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/seat/wrap_up_panel.py" line="94"/>
        <source>Wrap-up {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
