package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	_ "embed" // roles_pg.sql
	"encoding/hex"
	"fmt"
	"strings"
)

// Role is what a user of the office may do. On a server it is the user's
// membership of the office's group roles mkzh_<schema>_clerk, _head and
// _admin, and the server's grants on the office's schema enforce it too;
// one user owns a SQLite file and is its admin.
type Role string

// The roles, each allowed what the one before it is.
const (
	// RoleClerk enters data: children, sponsors, donations, appeals,
	// distributions (pending until the head approves them).
	RoleClerk Role = "clerk"
	// RoleHead approves distributions, issues letters and reports, and
	// keeps the campaign's calendar of events.
	RoleHead Role = "head"
	// RoleAdmin manages users and settings, schools, aid items and
	// campaigns.
	RoleAdmin Role = "admin"
)

// Roles lists the roles from the least to the most allowed.
var Roles = []Role{RoleClerk, RoleHead, RoleAdmin}

func (r Role) rank() int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return -1
}

// Valid tells a known role.
func (r Role) Valid() bool { return r.rank() >= 0 }

// Allows tells whether the role may do what need needs.
func (r Role) Allows(need Role) bool { return r.rank() >= need.rank() && need.Valid() }

// rolePrefix is the start of the names of an office's roles on a server.
func rolePrefix(schema string) string { return "mkzh_" + schema }

// group is the server's group role of a role in an office's schema.
func (r Role) group(schema string) string { return rolePrefix(schema) + "_" + string(r) }

// ParseRole reads a role's name (clerk, head, admin).
func ParseRole(s string) (Role, error) {
	if r := Role(s); r.Valid() {
		return r, nil
	}
	return "", invalid("role", s, "err.role")
}

// Role returns the role of the store's user, found when it was opened.
func (s *Store) Role() Role {
	if s.role == "" {
		return RoleAdmin
	}
	return s.role
}

// require refuses what the store's user's role does not allow.
func (s *Store) require(need Role) error {
	if s.Role().Allows(need) {
		return nil
	}
	return fmt.Errorf("%w: needs the %s role, %s is %s", ErrForbidden, need, s.actor, s.Role())
}

// detectRole finds the server user's role: a superuser or the owner of the
// office's schema is its admin; the others are what their groups make them.
func (s *Store) detectRole(ctx context.Context) (Role, error) {
	var owner bool
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
		OR COALESCE((SELECT pg_has_role(session_user, nspowner, 'MEMBER') FROM pg_namespace
			WHERE nspname = current_schema()), false)`).Scan(&owner)
	if err != nil {
		return "", fmt.Errorf("find the user's role: %w", serverError(err))
	}
	if owner {
		return RoleAdmin, nil
	}
	for i := len(Roles) - 1; i >= 0; i-- {
		var member bool
		err := s.db.QueryRowContext(ctx, `SELECT COALESCE(bool_or(pg_has_role(session_user, oid, 'MEMBER')), false)
			FROM pg_roles WHERE rolname = ?`, Roles[i].group(s.schema)).Scan(&member)
		if err != nil {
			return "", fmt.Errorf("find the user's role: %w", serverError(err))
		}
		if member {
			return Roles[i], nil
		}
	}
	// A user of none of the groups gets no grants: the server refuses
	// whatever the app would allow a clerk.
	return RoleClerk, nil
}

//go:embed roles_pg.sql
var rolesSQL string

//go:embed audit_pg.sql
var auditSQL string

//go:embed users_pg.sql
var usersSQL string

//go:embed roles_old_pg.sql
var rolesOldSQL string

//go:embed access_pg.sql
var accessSQL string

// officeSQL returns the SQL that sets up the office's roles, the server's
// audit and the users' functions on a schema.
func officeSQL(schema string) string {
	r := strings.NewReplacer("__SCHEMA__", schema, "__ROLE__", rolePrefix(schema))
	return r.Replace(rolesSQL + auditSQL + usersSQL + rolesOldSQL + accessSQL)
}

// grantRoles creates the office's roles and grants them their rights on
// the office's schema, when the user may (a superuser) and a table of the
// schema (a new one, after a migration) lacks them or they were granted by
// another roles_pg.sql than this build's.
func (s *Store) grantRoles(ctx context.Context) error {
	var may, granted bool
	var mark string
	clerk := RoleClerk.group(s.schema)
	err := s.db.QueryRowContext(ctx, `SELECT
		COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false),
		EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)
			AND has_schema_privilege(?, current_schema(), 'USAGE')
			AND NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema()
				AND NOT has_table_privilege(?, format('%I.%I', schemaname, tablename), 'SELECT')),
		COALESCE((SELECT obj_description(oid, 'pg_policy') FROM pg_policy
			WHERE polname = 'head_changes' AND polrelid = to_regclass('distributions')), '')`,
		clerk, clerk, clerk).Scan(&may, &granted, &mark)
	if err != nil {
		return fmt.Errorf("check the roles' grants: %w", serverError(err))
	}
	if !may || granted && mark == rolesMark() {
		return nil
	}
	return s.applyGrants(ctx)
}

// rolesMark tells the grants of this build's SQL of the office: it is kept
// as the comment of one of its policies.
func rolesMark() string {
	sum := sha256.Sum256([]byte(officeSQL("")))
	return "roles_pg.sql " + hex.EncodeToString(sum[:8])
}

// applyGrants runs the SQL of the office.
func (s *Store) applyGrants(ctx context.Context) error {
	if !schemaName.MatchString(s.schema) || len(RoleAdmin.group(s.schema)) > 63 {
		return fmt.Errorf("schema %q: use lower-case latin letters, digits and _, at most 50 of them", s.schema)
	}
	return s.serializable(ctx, s.db, func(tx *sql.Tx) error {
		// The schema's name is checked: safe to splice in.
		if _, err := tx.ExecContext(ctx, officeSQL(s.schema)); err != nil {
			return fmt.Errorf("grant the roles their rights: %w", err)
		}
		// The mark is hex: safe to spell out.
		if _, err := tx.ExecContext(ctx, `COMMENT ON POLICY head_changes ON distributions IS '`+rolesMark()+`'`); err != nil {
			return fmt.Errorf("mark the roles' grants: %w", err)
		}
		return nil
	})
}

// Session says who works on which database.
type Session struct {
	User     string `json:"user"`
	Role     Role   `json:"role"`
	Backend  string `json:"backend"`  // sqlite or postgresql
	Database string `json:"database"` // the file, or the server's database
	Schema   string `json:"schema,omitempty"`
}

// Session returns the store's user, role and database.
func (s *Store) Session(ctx context.Context) (Session, error) {
	se := Session{User: s.actor, Role: s.Role(), Backend: "sqlite", Database: s.path}
	if s.dialect != postgresDialect {
		return se, nil
	}
	se.Backend = "postgresql"
	var schema sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT current_database(), current_schema()`).Scan(&se.Database, &schema); err != nil {
		return se, fmt.Errorf("find the database: %w", serverError(err))
	}
	se.Schema = schema.String
	return se, nil
}
