# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 8bab54d0c0ccd04413365be38dc62363d8f9ae1b37c73849a9c060a0aeb31efc
"""Contains methods for accessing the API"""
