// Whether any watchlist entry is active: screening on ingest is skipped while none is.
RETURN EXISTS { MATCH (w:WatchlistEntry {status: 'ACTIVE'}) } AS any
