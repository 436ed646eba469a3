# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 229fb2cea522c79804137dc87799e45bc1815ef16dab803eb22c1d8684993879
"""Contains endpoint functions for accessing the API"""
