"""The site-wide roles' tabs: the administrator's Users tab and the auditor's Audit tab."""
