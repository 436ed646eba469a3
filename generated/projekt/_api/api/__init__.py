# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 650edf2e16d042620ef8223a71bbf0b81409a16f7e26da6dd9cbce71e228708f
"""Contains methods for accessing the API"""
