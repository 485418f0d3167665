#!/usr/bin/env python3
"""Builds the coditect browser flow on a running server and writes every authentication flow,
authenticator config and required action of the realm into docker/coditect-realm.json.

Why: a realm import that names any authentication flow gets only the flows it names (Keycloak
then creates none of its defaults), so the shipped realm carries the full, exported set.
Run against a server started by bin/run-keycloak.sh whose realm has no coditect-browser yet:

    bin/export-auth-flows.py [http://localhost:8080]
"""
import json
import sys
import urllib.parse
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
REALM = f"{BASE}/admin/realms/coditect"
REALM_FILE = "docker/coditect-realm.json"


def token():
    data = urllib.parse.urlencode({"client_id": "admin-cli", "username": "admin", "password": "admin",
                                   "grant_type": "password"}).encode()
    with urllib.request.urlopen(f"{BASE}/realms/master/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


TOKEN = token()


def call(method, path, body=None):
    req = urllib.request.Request(REALM + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        text = r.read()
        return json.loads(text) if text else None


def add_execution(flow, provider, requirement, config=None):
    call("POST", f"/authentication/flows/{urllib.parse.quote(flow)}/executions/execution", {"provider": provider})
    set_requirement(flow, lambda e: e.get("providerId") == provider and e.get("level") == 0, requirement, config)


def add_flow(parent, alias, requirement, description):
    call("POST", f"/authentication/flows/{urllib.parse.quote(parent)}/executions/flow",
         {"alias": alias, "type": "basic-flow", "provider": "registration-page-form", "description": description})
    set_requirement(parent, lambda e: e.get("displayName") == alias, requirement)


def set_requirement(flow, match, requirement, config=None):
    for e in call("GET", f"/authentication/flows/{urllib.parse.quote(flow)}/executions"):
        if match(e):
            e["requirement"] = requirement
            call("PUT", f"/authentication/flows/{urllib.parse.quote(flow)}/executions", e)
            if config:
                call("POST", f"/authentication/executions/{e['id']}/config", config)
            return
    raise SystemExit(f"execution not found in {flow}")


call("POST", "/authentication/flows", {"alias": "coditect-browser", "providerId": "basic-flow", "topLevel": True,
                                       "builtIn": False,
                                       "description": "Browser and device approval: password, TOTP required for "
                                                      "ENTERPRISE (enrolment if missing), voluntary TOTP for "
                                                      "others, recovery codes as the other way. No organization "
                                                      "identity-first step."})
add_execution("coditect-browser", "auth-cookie", "ALTERNATIVE")
add_flow("coditect-browser", "coditect-browser-forms", "ALTERNATIVE", "Username, password and second factor")
add_execution("coditect-browser-forms", "auth-username-password-form", "REQUIRED")
add_flow("coditect-browser-forms", "coditect-enterprise-mfa", "CONDITIONAL", "ENTERPRISE users must have TOTP")
add_execution("coditect-enterprise-mfa", "coditect-condition-tier", "REQUIRED",
              {"alias": "coditect-mfa-tiers", "config": {"tiers": "ENTERPRISE", "negate": "false"}})
add_execution("coditect-enterprise-mfa", "coditect-otp-enrolment", "REQUIRED")
add_flow("coditect-browser-forms", "coditect-second-factor", "CONDITIONAL", "TOTP or a recovery code, if set up")
add_execution("coditect-second-factor", "conditional-user-configured", "REQUIRED")
add_execution("coditect-second-factor", "auth-otp-form", "ALTERNATIVE")
add_execution("coditect-second-factor", "auth-recovery-authn-code-form", "ALTERNATIVE")

realm = call("GET", "")
realm["browserFlow"] = "coditect-browser"
call("PUT", "", realm)
for action in call("GET", "/authentication/required-actions"):
    if action["alias"] == "CONFIGURE_RECOVERY_AUTHN_CODES" and not action["enabled"]:
        action["enabled"] = True
        call("PUT", "/authentication/required-actions/CONFIGURE_RECOVERY_AUTHN_CODES", action)

export = call("POST", "/partial-export?exportClients=false&exportGroupsAndRoles=false")


def strip_ids(node):
    if isinstance(node, dict):
        node.pop("id", None)
        for v in node.values():
            strip_ids(v)
    elif isinstance(node, list):
        for v in node:
            strip_ids(v)


shipped = json.load(open(REALM_FILE))
for key in ["authenticationFlows", "authenticatorConfig", "requiredActions"]:
    shipped[key] = export[key]
    strip_ids(shipped[key])
for key in ["browserFlow", "registrationFlow", "directGrantFlow", "resetCredentialsFlow", "clientAuthenticationFlow",
            "dockerAuthenticationFlow", "firstBrokerLoginFlow"]:
    shipped[key] = export[key]
with open(REALM_FILE, "w") as f:
    json.dump(shipped, f, indent=2)
    f.write("\n")
print(f"wrote {len(shipped['authenticationFlows'])} flows, {len(shipped['authenticatorConfig'])} configs, "
      f"{len(shipped['requiredActions'])} required actions into {REALM_FILE}")
