# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 64c8e52748854b3f8cdb5d5eeb17bbe1edd98e1848b62294ae514f4d75ae4372
"""Contains endpoint functions for accessing the API"""
