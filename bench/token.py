#!/usr/bin/env python3
"""A bearer token (JWT, HS256) for the soak's import, signed with the key the soak gave the service.

Usage: token.py BASE64-KEY [ISSUER] [AUDIENCE]. Standard library only: the soak needs no identity provider, only a token the
service is configured to trust (Authentication:Schemes:Bearer:*), with the role budget-importeur and ten minutes to live.
"""
import base64, hashlib, hmac, json, sys, time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


sleutel = base64.b64decode(sys.argv[1])
uitgever = sys.argv[2] if len(sys.argv) > 2 else "https://idp.soak.test"
publiek = sys.argv[3] if len(sys.argv) > 3 else "budgetapi"
nu = int(time.time())
kop = {"alg": "HS256", "typ": "JWT", "kid": "soak"}
inhoud = {"iss": uitgever, "aud": publiek, "sub": "soak", "name": "soak@bench", "role": "budget-importeur",
          "iat": nu, "nbf": nu, "exp": nu + 600}
deel = b64(json.dumps(kop).encode()) + "." + b64(json.dumps(inhoud).encode())
print(deel + "." + b64(hmac.new(sleutel, deel.encode(), hashlib.sha256).digest()))
