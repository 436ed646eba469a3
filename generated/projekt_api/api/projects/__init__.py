# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: d6e08e405bdbf7dc0cadcc0c5710bfd31ab88431f6ceed4c78b29e2350204b9e
"""Contains endpoint functions for accessing the API"""
