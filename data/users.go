package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// User is a login of the office's server and its role.
type User struct {
	Name     string
	Role     Role
	CanLogin bool // false once removed while it still owns something
}

// ErrNotServer is returned by what only a PostgreSQL server does: users
// are the server's logins, a SQLite file has one user.
var ErrNotServer = errors.New("only on a server (PostgreSQL): a SQLite file has one user")

const pgDuplicateObject = "42710"

var userName = regexp.MustCompile(`^[a-z][a-z0-9_.]{1,62}$`)

func checkUserName(name string) error {
	if !userName.MatchString(name) || strings.HasPrefix(name, "pg_") ||
		strings.HasPrefix(name, "mektepkezhol_") || strings.HasPrefix(name, "mkzh_") || name == "postgres" || name == "public" {
		return invalid("user", name, "err.user.name")
	}
	return nil
}

// usersAdmin checks that the store can manage users: a server, an admin.
func (s *Store) usersAdmin(what string) error {
	if s.dialect != postgresDialect {
		return fmt.Errorf("%s: %w", what, ErrNotServer)
	}
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// checkUserChange refuses a change of users the store's user may not make,
// or of a bad name or role.
func (s *Store) checkUserChange(what, name string, role Role) error {
	if err := s.usersAdmin(what); err != nil {
		return err
	}
	if err := checkUserName(name); err != nil {
		return err
	}
	if !role.Valid() {
		return invalid("role", string(role), "err.role")
	}
	return nil
}

// userFunc runs one of the office's users' functions (users_pg.sql): the
// server checks the admin, the name, the role and that the user is the
// office's, and records the change in the audit log. The schema's name was
// checked when the store was opened.
func (s *Store) userFunc(ctx context.Context, fn string, args ...any) error {
	return s.tryTx(ctx, s.db, nil, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `SELECT `+pgIdent(s.schema)+`.`+fn+`(`+marks(len(args))+`)`, args...)
		return err
	})
}

// pgIdent quotes a name for PostgreSQL.
func pgIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// verifier returns the SCRAM verifier of a password, or NULL for none.
func verifier(password string) (any, error) {
	if password == "" {
		return nil, nil
	}
	return scramVerifier(password)
}

// CreateUser creates a login of the server in one of the office's groups.
// An empty password leaves the login to the server's other authentication
// (peer, certificates). The password goes to the server as a SCRAM
// verifier only.
func (s *Store) CreateUser(ctx context.Context, name, password string, role Role) error {
	if err := s.checkUserChange("create user", name, role); err != nil {
		return err
	}
	v, err := verifier(password)
	if err != nil {
		return err
	}
	err = s.userFunc(ctx, "mkzh_create_user", name, v, string(role))
	if pgCode(err) == pgDuplicateObject {
		return fmt.Errorf("create user %s: %w: %w", name, ErrConflict, err)
	}
	if err != nil {
		return fmt.Errorf("create user %s: %w", name, serverError(err))
	}
	return nil
}

// SetUserRole moves one of the office's users to another role.
func (s *Store) SetUserRole(ctx context.Context, name string, role Role) error {
	if err := s.checkUserChange("change user's role", name, role); err != nil {
		return err
	}
	if err := s.userFunc(ctx, "mkzh_set_user_role", name, string(role)); err != nil {
		return fmt.Errorf("user %s: %w", name, userError(err))
	}
	return nil
}

// userError marks the users' functions' refusals with the store's errors.
func userError(err error) error {
	if pgCode(err) == "P0002" {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	return serverError(err)
}

// SetUserPassword gives a user a new password; an empty one leaves the
// login to the server's other authentication. Users may change their own
// password, an admin that of the office's users. The audit log records
// that it changed, never the password; the server gets a SCRAM verifier.
func (s *Store) SetUserPassword(ctx context.Context, name, password string) error {
	if s.dialect != postgresDialect {
		return fmt.Errorf("change password: %w", ErrNotServer)
	}
	if name != s.actor {
		if err := s.require(RoleAdmin); err != nil {
			return fmt.Errorf("change password: %w", err)
		}
	}
	if err := checkUserName(name); err != nil {
		return err
	}
	v, err := verifier(password)
	if err != nil {
		return err
	}
	if name != s.actor {
		if err := s.userFunc(ctx, "mkzh_set_user_password", name, v); err != nil {
			return fmt.Errorf("change password of %s: %w", name, userError(err))
		}
		return nil
	}
	// One's own password needs no right: the server lets each user change
	// it. The verifier, base64 and $ : only, is checked before it is spelt.
	stmt := `ALTER ROLE CURRENT_USER PASSWORD NULL`
	if v != nil {
		if !scramShape.MatchString(v.(string)) {
			return fmt.Errorf("change password: a bad verifier")
		}
		stmt = `ALTER ROLE CURRENT_USER PASSWORD '` + v.(string) + `'`
	}
	if _, err := s.db.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("change password of %s: %w", name, serverError(err))
	}
	return nil
}

var scramShape = regexp.MustCompile(`^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$`)

// DropUser removes one of the office's users: the login is dropped, or,
// when it still owns something on the server, taken out of the groups and
// may no longer log in.
func (s *Store) DropUser(ctx context.Context, name string) error {
	if err := s.usersAdmin("remove user"); err != nil {
		return err
	}
	if err := checkUserName(name); err != nil {
		return err
	}
	if name == s.actor {
		return fmt.Errorf("remove user %s: %w: one may not remove oneself", name, ErrForbidden)
	}
	if err := s.userFunc(ctx, "mkzh_drop_user", name); err != nil {
		return fmt.Errorf("remove user %s: %w", name, userError(err))
	}
	return nil
}

// FindUsers lists the server's users of the office's groups with their
// role (the highest, when a user is in several groups), by name.
func (s *Store) FindUsers(ctx context.Context) ([]User, error) {
	if s.dialect != postgresDialect {
		return nil, fmt.Errorf("find users: %w", ErrNotServer)
	}
	return findUsers(ctx, s.db, s.schema, "")
}

func findUsers(ctx context.Context, q queryer, schema, name string) ([]User, error) {
	prefix := rolePrefix(schema) + "_"
	rows, err := q.QueryContext(ctx, `SELECT u.rolname, g.rolname, u.rolcanlogin
		FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
		WHERE g.rolname IN (?, ?, ?) AND u.rolname NOT LIKE 'mkzh\_%' AND (? = '' OR u.rolname = ?)`,
		RoleClerk.group(schema), RoleHead.group(schema), RoleAdmin.group(schema), name, name)
	if err != nil {
		return nil, fmt.Errorf("find users: %w", serverError(err))
	}
	defer rows.Close()
	byName := map[string]*User{}
	for rows.Next() {
		var u User
		var group string
		if err := rows.Scan(&u.Name, &group, &u.CanLogin); err != nil {
			return nil, err
		}
		u.Role = Role(strings.TrimPrefix(group, prefix))
		if old, ok := byName[u.Name]; !ok || u.Role.rank() > old.Role.rank() {
			byName[u.Name] = &u
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]User, 0, len(byName))
	for _, u := range byName {
		out = append(out, *u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
