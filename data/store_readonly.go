package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// ErrOlderSchema is returned by OpenReadOnly for a database whose schema
// this app would bring up to date first: that needs a writable folder.
var ErrOlderSchema = errors.New("the database was written by an older version of the app and must be opened once in a writable folder to be brought up to date")

// OpenReadOnly opens an existing SQLite database for reading only: a file on
// a write-protected stick or disc, or one in a folder the user may not
// write to, where Open fails because SQLite cannot make its -wal and -shm
// files. It writes nothing, not even those files; any write through the
// store fails. It first asks SQLite for a plain read-only connection, and
// where even that cannot start (no -shm can be made beside a WAL
// database), opens the file as immutable: safe there, since no one can
// write to a folder no one may write to, though a -wal left beside it by a
// crash is then not read. The schema must be this app's own version.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if IsServer(path) {
		return nil, errors.New("a server's database is opened with Open: the server decides who may write")
	}
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	var last error
	for _, options := range []string{"mode=ro&_query_only=true", "mode=ro&immutable=1&_query_only=true"} {
		db, err := sql.Open("sqlite3", sqliteURI(path, options+"&_busy_timeout=10000"))
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		s := &Store{db: db, rdb: db, path: path, actor: osUser(), Now: time.Now}
		v, err := s.Version(ctx)
		if err == nil {
			return s, s.checkReadOnlyVersion(v)
		}
		db.Close()
		last = err
	}
	return nil, fmt.Errorf("open %s read-only: %w", path, last)
}

func (s *Store) checkReadOnlyVersion(v int) error {
	switch latest := SchemaVersion(); {
	case v > latest:
		s.Close()
		return fmt.Errorf("%s: schema %d, this app knows up to %d: %w", s.path, v, latest, ErrNewerSchema)
	case v < latest:
		s.Close()
		return fmt.Errorf("%s: schema %d, this app's is %d: %w", s.path, v, latest, ErrOlderSchema)
	}
	return nil
}
