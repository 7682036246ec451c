package data

import (
	"context"
	"database/sql"
	"fmt"
)

// ReleaseMemory hands back what a SQLite file's idle connections hold in
// their page caches (up to 64 MB each: a screen's scan, the daily copy's
// VACUUM INTO) and, where the C library can, the freed heap to the system.
// The window calls it when the clerk leaves a screen, so that the app's
// memory follows what is on screen; the file's pages stay in the system's
// cache, so the next query reads them from there. A server's store holds
// no such cache and does nothing.
func (s *Store) ReleaseMemory(ctx context.Context) {
	if s.dialect == postgresDialect {
		return
	}
	for _, db := range []*sql.DB{s.db, s.rdb} {
		if db != nil {
			// on the pool's idle connection, the one that keeps its cache
			db.ExecContext(ctx, `PRAGMA shrink_memory`)
		}
	}
	trimHeap()
}

// sqliteHeapLimit bounds the memory SQLite keeps in the whole process, its
// page caches first: over it, a connection reuses its least recently used
// pages instead of allocating more. A connection may cache up to 64 MB
// (Open's cache_size), and the window's loads, searches and daily copy
// run on several at once; without the bound a region's file had the app
// at 460 MB after a walk through every screen.
const sqliteHeapLimit = 96 << 20

// limitSQLiteHeap sets sqliteHeapLimit; the limit is the process's, not
// the connection's, so setting it once through any connection is enough.
func limitSQLiteHeap(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, fmt.Sprintf(`PRAGMA soft_heap_limit = %d`, sqliteHeapLimit))
	return err
}
