# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: aabf892b746965325f2884f70d88f48c42a04ada7604e23916982f48a7c37997
"""Contains endpoint functions for accessing the API"""
