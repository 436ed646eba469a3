# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: da4c2da4234849fe0753c1018aa625e4ec2c76d9f5f52af57aa5775387dc573d
"""Contains endpoint functions for accessing the API"""
