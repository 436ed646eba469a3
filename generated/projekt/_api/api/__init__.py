# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 69788595791979304ad281561ec8ed101bd9158438c607e2d9cfff915d5a5d05
"""Contains methods for accessing the API"""
