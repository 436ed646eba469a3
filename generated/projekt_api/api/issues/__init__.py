# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 97b9809e9e91631949827c9a23aac5ba26764803f67a5f6d5defffa55ac05771
"""Contains endpoint functions for accessing the API"""
