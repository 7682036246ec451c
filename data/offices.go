package data

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// Office is one office's database in a regional server database: its
// schema's name and the URL that opens it.
type Office struct {
	Name string
	DSN  string
}

// Offices lists the offices of the server database the store is on (see
// FindOffices), each to be opened as the store's user.
func (s *Store) Offices(ctx context.Context) ([]Office, error) {
	if s.dialect != postgresDialect {
		return nil, fmt.Errorf("offices: %w", ErrNotServer)
	}
	return FindOffices(ctx, s.dsn)
}

// FindOffices lists the offices of a server database: every schema that
// holds this app's schema_migrations table, by name. Each office's DSN is
// the URL given with search_path set to its schema (any search_path of the
// URL is ignored).
func FindOffices(ctx context.Context, dsn string) ([]Office, error) {
	if !IsServer(dsn) {
		return nil, fmt.Errorf("%s: not a postgres:// URL", RedactURL(dsn))
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", RedactURL(dsn), ErrBadURL)
	}
	q := u.Query()
	q.Del("search_path")
	u.RawQuery = q.Encode()
	cfg, err := serverConfig(u.String())
	if err != nil {
		return nil, err
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	rows, err := db.QueryContext(ctx, `SELECT table_schema FROM information_schema.tables
		WHERE table_name = 'schema_migrations' ORDER BY table_schema`)
	if err != nil {
		return nil, fmt.Errorf("offices of %s: %w", RedactURL(dsn), serverError(connectError(err)))
	}
	defer rows.Close()
	var out []Office
	for rows.Next() {
		var schema string
		if err := rows.Scan(&schema); err != nil {
			return nil, err
		}
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		out = append(out, Office{Name: schema, DSN: u.String()})
	}
	if err := rows.Err(); err != nil {
		return nil, serverError(err)
	}
	return out, nil
}
