# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 29dcae285355bcbc0bdf3ab35047cf9fedbaa042c54999ec3538153d9602ada2
"""Contains methods for accessing the API"""
