# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 57cc9f2b904eac5a262b8d6d39dd0566b40c80e588d945cf91930f34d4d6cb10
"""Contains endpoint functions for accessing the API"""
