# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
"""Contains endpoint functions for accessing the API"""
