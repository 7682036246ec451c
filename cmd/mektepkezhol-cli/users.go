package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/mektepkezhol/app/data"
)

// stdin is where --password-stdin reads the password; tests replace it.
var stdin io.Reader = os.Stdin

func init() {
	register(&command{name: "users", args: "list [--json] | add NAME --role R [--password-stdin] | role NAME --role R | password NAME (--password-stdin | --clear) | remove NAME",
		summary: "the server's users and their roles (clerk, head, admin); the admin's, on a server only",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usageError("say list, add, role, password or remove")
				}
				action, ok := userActions[args[0]]
				if !ok {
					return usageError(fmt.Sprintf("unknown action %q: list, add, role, password or remove", args[0]))
				}
				var f userFlags
				sub := flag.NewFlagSet("users "+args[0], flag.ContinueOnError)
				sub.SetOutput(e.stderr)
				sub.BoolVar(&f.json, "json", false, "print JSON (list)")
				sub.StringVar(&f.role, "role", "", "clerk, head or admin (add, role)")
				sub.BoolVar(&f.passwordStdin, "password-stdin", false, "read the password from the first line of stdin (add, password)")
				sub.BoolVar(&f.clear, "clear", false, "remove the password: the server's other authentication decides (password)")
				names, err := parseInterleaved(sub, args[1:])
				if err != nil {
					return usageError(err.Error())
				}
				st, err := e.open()
				if err != nil {
					return err
				}
				return action(ctx, e, st, f, names)
			}
		}})
}

type userFlags struct {
	json          bool
	role          string
	passwordStdin bool
	clear         bool
}

var userActions = map[string]func(context.Context, *env, *data.Store, userFlags, []string) error{
	"list":     listUsers,
	"add":      addUser,
	"role":     setUserRole,
	"password": setUserPassword,
	"remove":   removeUser,
}

// parseInterleaved parses flags given before, between or after the
// positional arguments (users add NAME --role clerk).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest, args = append(rest, args[0]), args[1:]
	}
}

func oneName(names []string) (string, error) {
	if len(names) != 1 {
		return "", usageError("give one user's name")
	}
	return names[0], nil
}

func listUsers(ctx context.Context, e *env, st *data.Store, f userFlags, names []string) error {
	if len(names) > 0 {
		return usageError("list takes no names")
	}
	users, err := st.FindUsers(ctx)
	if err != nil {
		return err
	}
	if f.json {
		out := make([]userJSON, 0, len(users))
		for _, u := range users {
			out = append(out, userJSON{u.Name, u.Role, u.CanLogin})
		}
		return e.printJSON(out)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	defer w.Flush()
	fmt.Fprintln(w, "USER\tROLE\tLOGIN")
	for _, u := range users {
		login := "yes"
		if !u.CanLogin {
			login = "no (removed)"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", u.Name, u.Role, login)
	}
	return nil
}

// userJSON is one user of «users list --json»; its keys are an interface.
type userJSON struct {
	Name     string    `json:"name"`
	Role     data.Role `json:"role"`
	CanLogin bool      `json:"can_login"`
}

func roleFlag(f userFlags) (data.Role, error) {
	if f.role == "" {
		return "", usageError("--role clerk|head|admin is required")
	}
	r, err := data.ParseRole(f.role)
	if err != nil {
		return "", usageError(fmt.Sprintf("--role %q: clerk, head or admin", f.role))
	}
	return r, nil
}

// nameAndRole reads the one user's name and --role.
func nameAndRole(names []string, f userFlags) (string, data.Role, error) {
	name, err := oneName(names)
	if err != nil {
		return "", "", err
	}
	role, err := roleFlag(f)
	return name, role, err
}

func addUser(ctx context.Context, e *env, st *data.Store, f userFlags, names []string) error {
	name, role, err := nameAndRole(names, f)
	if err != nil {
		return err
	}
	var password string
	if f.passwordStdin {
		if password, err = readPassword(); err != nil {
			return err
		}
	}
	if err := st.CreateUser(ctx, name, password, role); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "user %s added as %s\n", name, role)
	if password == "" {
		fmt.Fprintln(e.stderr, "note: no password set; the server's other authentication (pg_hba.conf) decides how the user logs in")
	}
	return nil
}

// readPassword reads --password-stdin's password: the first line of stdin.
func readPassword() (string, error) {
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		return "", usageError("--password-stdin: the first line of stdin is empty")
	}
	return password, nil
}

func setUserPassword(ctx context.Context, e *env, st *data.Store, f userFlags, names []string) error {
	name, err := oneName(names)
	if err != nil {
		return err
	}
	if f.passwordStdin == f.clear {
		return usageError("give --password-stdin or --clear")
	}
	var password string
	if f.passwordStdin {
		if password, err = readPassword(); err != nil {
			return err
		}
	}
	if err := st.SetUserPassword(ctx, name, password); err != nil {
		return err
	}
	if password == "" {
		fmt.Fprintf(e.stdout, "user %s has no password now: the server's other authentication decides\n", name)
	} else {
		fmt.Fprintf(e.stdout, "password of %s changed\n", name)
	}
	return nil
}

func setUserRole(ctx context.Context, e *env, st *data.Store, f userFlags, names []string) error {
	name, role, err := nameAndRole(names, f)
	if err != nil {
		return err
	}
	if err := st.SetUserRole(ctx, name, role); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "user %s is now %s\n", name, role)
	return nil
}

func removeUser(ctx context.Context, e *env, st *data.Store, _ userFlags, names []string) error {
	name, err := oneName(names)
	if err != nil {
		return err
	}
	if err := st.DropUser(ctx, name); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "user %s removed\n", name)
	return nil
}
