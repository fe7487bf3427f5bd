"""The channels behind the :class:`~console.services.partner_notifier.PartnerNotifier` port.

Infrastructure, like :mod:`console.telephony`: the simulated partner desk (:mod:`.simulated`,
the demo's and the tests'), an SMS gateway (:mod:`.sms`) and an emergency-management
platform's interface (:mod:`.emergency_platform`), the router that sends each notification
through its partner's channel (:mod:`.router`), and :func:`.build.build_notifier`, which the
composition root calls with the site's ``[emergency]`` settings. Every adapter passes
``tests/emergency/notifier_contract.py``; the wire formats are in docs/partner-channels.md.
"""
