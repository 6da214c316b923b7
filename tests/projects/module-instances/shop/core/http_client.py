"""The project's one HTTP client, made once and imported where needed."""
import logging

import requests_hardened

HTTPConfig = requests_hardened.Config(never_redirect=True)
HTTPClient = requests_hardened.Manager(HTTPConfig)
audit_logger = logging.getLogger("audit")
