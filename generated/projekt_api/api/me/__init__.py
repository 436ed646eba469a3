# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 0ff5d90a6d16ad75310a9de41ce97f9d96a9af8652f20c64f171a6745e80b4af
"""Contains endpoint functions for accessing the API"""
