# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: dcc00c836a0129a3801288c213abc155e34cf503c37bd60098f230f9cc4ddb8e
"""Contains endpoint functions for accessing the API"""
