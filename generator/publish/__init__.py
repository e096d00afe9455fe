"""Publish process versions with mike into the repository's ``gh-pages`` branch.

:mod:`publish` checks and orchestrates, :mod:`published` reads what the branch already
holds, :mod:`mike` deploys one language of one version, :mod:`git` wraps git itself,
:mod:`recovery` mends what a killed or concurrent publish left.
"""
