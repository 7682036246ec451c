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
		strings.HasPrefix(name, "mektepkezhol_") || name == "postgres" || name == "public" {
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

// ddl runs a statement built by the server's format() from the given
// arguments (%I for names, %L for the password), so that nothing the user
// typed is ever spliced into SQL by hand.
func ddl(ctx context.Context, tx *sql.Tx, format string, args []string) error {
	var stmt string
	if err := tx.QueryRowContext(ctx, `SELECT format(?::text, VARIADIC ?::text[])`, format, args).Scan(&stmt); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, stmt)
	return err
}

// CreateUser creates a login of the server in a role's group. An empty
// password leaves the login to the server's other authentication (peer,
// certificates). Admins may create users themselves.
func (s *Store) CreateUser(ctx context.Context, name, password string, role Role) error {
	if err := s.checkUserChange("create user", name, role); err != nil {
		return err
	}
	return serverError(s.tryTx(ctx, s.db, nil, func(tx *sql.Tx) error {
		var err error
		if password == "" {
			err = ddl(ctx, tx, `CREATE ROLE %I LOGIN IN ROLE %I`, []string{name, role.group()})
		} else {
			err = ddl(ctx, tx, `CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I`, []string{name, password, role.group()})
		}
		if err != nil {
			if pgCode(err) == pgDuplicateObject {
				return fmt.Errorf("create user %s: %w: %w", name, ErrConflict, err)
			}
			return fmt.Errorf("create user %s: %w", name, err)
		}
		if err := setCreateRole(ctx, tx, name, role); err != nil {
			return err
		}
		return s.audit(ctx, tx, "users", 0, "insert", nil, User{Name: name, Role: role, CanLogin: true})
	}))
}

// setCreateRole lets an admin manage users, and nobody else: CREATEROLE,
// and the groups WITH ADMIN OPTION (which PostgreSQL 16 asks for too).
func setCreateRole(ctx context.Context, tx *sql.Tx, name string, role Role) error {
	attr := "NOCREATEROLE"
	if role == RoleAdmin {
		attr = "CREATEROLE"
	}
	if err := ddl(ctx, tx, `ALTER ROLE %I `+attr, []string{name}); err != nil {
		return fmt.Errorf("user %s: %w", name, err)
	}
	if role != RoleAdmin {
		return nil
	}
	for _, r := range Roles {
		if err := ddl(ctx, tx, `GRANT %I TO %I WITH ADMIN OPTION`, []string{r.group(), name}); err != nil {
			return fmt.Errorf("user %s: %w", name, err)
		}
	}
	return nil
}

// SetUserRole moves a user to another role.
func (s *Store) SetUserRole(ctx context.Context, name string, role Role) error {
	if err := s.checkUserChange("change user's role", name, role); err != nil {
		return err
	}
	return serverError(s.tryTx(ctx, s.db, nil, func(tx *sql.Tx) error {
		old, err := findUser(ctx, tx, name)
		if err != nil {
			return err
		}
		if err := revokeGroups(ctx, tx, name); err != nil {
			return err
		}
		if err := ddl(ctx, tx, `GRANT %I TO %I`, []string{role.group(), name}); err != nil {
			return fmt.Errorf("user %s: %w", name, err)
		}
		if err := setCreateRole(ctx, tx, name, role); err != nil {
			return err
		}
		return s.audit(ctx, tx, "users", 0, "update", old, User{Name: name, Role: role, CanLogin: old.CanLogin})
	}))
}

// SetUserPassword gives a user a new password; an empty one leaves the
// login to the server's other authentication. Users may change their own
// password, an admin anyone's. The audit log records that it changed,
// never the password.
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
	return serverError(s.tryTx(ctx, s.db, nil, func(tx *sql.Tx) error {
		u, err := findUser(ctx, tx, name)
		if err != nil {
			return err
		}
		if password == "" {
			err = ddl(ctx, tx, `ALTER ROLE %I PASSWORD NULL`, []string{name})
		} else {
			err = ddl(ctx, tx, `ALTER ROLE %I PASSWORD %L`, []string{name, password})
		}
		if err != nil {
			return fmt.Errorf("change password of %s: %w", name, err)
		}
		type passwordChange struct {
			User     string
			Password string
		}
		return s.audit(ctx, tx, "users", 0, "update", nil, passwordChange{u.Name, "changed"})
	}))
}

func revokeGroups(ctx context.Context, tx *sql.Tx, name string) error {
	for _, r := range Roles {
		if err := ddl(ctx, tx, `REVOKE %I FROM %I`, []string{r.group(), name}); err != nil {
			return fmt.Errorf("user %s: %w", name, err)
		}
	}
	return nil
}

// DropUser removes a user: the login is dropped, or, when it still owns
// something on the server, taken out of the groups and may no longer log in.
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
	return serverError(s.tryTx(ctx, s.db, nil, func(tx *sql.Tx) error {
		old, err := findUser(ctx, tx, name)
		if err != nil {
			return err
		}
		if err := revokeGroups(ctx, tx, name); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT drop_user`); err != nil {
			return err
		}
		if err := ddl(ctx, tx, `DROP ROLE %I`, []string{name}); err != nil {
			// It owns objects or holds rights elsewhere: keep it, locked out.
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT drop_user`); err != nil {
				return err
			}
			if err := ddl(ctx, tx, `ALTER ROLE %I NOLOGIN NOCREATEROLE`, []string{name}); err != nil {
				return fmt.Errorf("remove user %s: %w", name, err)
			}
		}
		return s.audit(ctx, tx, "users", 0, "delete", old, nil)
	}))
}

// FindUsers lists the server's users of the office's groups with their
// role (the highest, when a user is in several groups), by name.
func (s *Store) FindUsers(ctx context.Context) ([]User, error) {
	if s.dialect != postgresDialect {
		return nil, fmt.Errorf("find users: %w", ErrNotServer)
	}
	return findUsers(ctx, s.db, "")
}

func findUser(ctx context.Context, q queryer, name string) (User, error) {
	users, err := findUsers(ctx, q, name)
	if err != nil {
		return User{}, err
	}
	if len(users) == 0 {
		return User{}, fmt.Errorf("user %s: %w", name, ErrNotFound)
	}
	return users[0], nil
}

func findUsers(ctx context.Context, q queryer, name string) ([]User, error) {
	rows, err := q.QueryContext(ctx, `SELECT u.rolname, g.rolname, u.rolcanlogin
		FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
		WHERE g.rolname IN ('mektepkezhol_clerk', 'mektepkezhol_head', 'mektepkezhol_admin')
		AND u.rolname NOT LIKE 'mektepkezhol\_%' AND (? = '' OR u.rolname = ?)`, name, name)
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
		u.Role = Role(strings.TrimPrefix(group, "mektepkezhol_"))
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
