package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// Office is one office's database in a regional server database: its
// schema's name and the URL that opens it.
type Office struct {
	Name string
	DSN  string
	// TitleKK and TitleRU are the office's department as its saved
	// settings name it, for a roll-up's labels; empty when none are saved.
	TitleKK, TitleRU string
}

// Label returns the office's name in lang (kk or ru) for a report: its
// department's, else the schema's.
func (o Office) Label(lang string) string {
	switch {
	case lang == "ru" && o.TitleRU != "":
		return o.TitleRU
	case o.TitleKK != "":
		return o.TitleKK
	}
	return o.Name
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
	rows.Close()
	for i := range out {
		if err := officeTitles(ctx, db, &out[i]); err != nil {
			return nil, fmt.Errorf("offices of %s: %w", RedactURL(dsn), serverError(err))
		}
	}
	return out, nil
}

// officeTitles reads the department's names of the office's saved
// settings.
func officeTitles(ctx context.Context, db *sql.DB, o *Office) error {
	var raw string
	err := db.QueryRowContext(ctx, `SELECT value FROM `+pgIdent(o.Name)+`.settings WHERE key = 'office'`).Scan(&raw)
	switch code := pgCode(err); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case code == "42P01" || code == "3F000":
		// an office being set up (its migrations not yet run) or removed
		// meanwhile: listed by its schema's name, it stops no one's list
		return nil
	}
	if err != nil {
		return err
	}
	var st Settings
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		return fmt.Errorf("settings of %s: %w", o.Name, err)
	}
	o.TitleKK, o.TitleRU = strings.TrimSpace(st.DepartmentKK), strings.TrimSpace(st.DepartmentRU)
	return nil
}
