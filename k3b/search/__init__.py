"""Site search: what each page tells the search index, and building the index (Pagefind)."""
