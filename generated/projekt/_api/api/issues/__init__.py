# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: e29b935bc9d3f0d5b326dfe8964e93bf7a99467221ab6fb11ce1c46cc5d344af
"""Contains endpoint functions for accessing the API"""
