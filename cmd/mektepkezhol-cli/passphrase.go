package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/mektepkezhol/app/assets"
	"github.com/mektepkezhol/app/data"
)

// errPassphraseMismatch means the two passphrases typed at a terminal differ.
var errPassphraseMismatch = errors.New("the two passphrases differ: nothing written")

// readPassphrase reads a backup's passphrase: with fromStdin the first line
// of stdin; else, at a terminal, typed without echo, twice when confirm
// (a new backup), so that a typing slip never locks the office out of it.
func readPassphrase(e *env, fromStdin, confirm bool) (string, error) {
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read the passphrase: %w", err)
		}
		pass := strings.TrimRight(line, "\r\n")
		if pass == "" {
			return "", usageError("--passphrase-stdin: the first line of stdin is empty")
		}
		return pass, nil
	}
	f, ok := stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", usageError("the backup is encrypted: give --passphrase-stdin, or run at a terminal to type it")
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(e.stderr, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		return string(b), err
	}
	pass, err := ask("Passphrase / Құпиясөз / Пароль: ")
	if err != nil || !confirm {
		return pass, err
	}
	again, err := ask("Again / Қайталаңыз / Повторите: ")
	if err != nil {
		return "", err
	}
	if again != pass {
		return "", nothingWritten{errPassphraseMismatch}
	}
	return pass, nil
}

// officeWords returns a message key's text in Kazakh and Russian, for the
// errors the office's clerk may read over the admin's shoulder.
func officeWords(key string) string {
	var lines []string
	for _, code := range assets.Languages {
		b, err := assets.Translation(code)
		if err != nil {
			continue
		}
		var m map[string]any
		if json.Unmarshal(b, &m) == nil {
			if s, ok := m[key].(string); ok {
				lines = append(lines, s)
			}
		}
	}
	return strings.Join(lines, "\n")
}

// passphraseKey is the message key of a passphrase error, or "".
func passphraseKey(err error) string {
	switch {
	case errors.Is(err, data.ErrWrongPassphrase):
		return "err.wrong_passphrase"
	case errors.Is(err, data.ErrEncryptedBackup):
		return "err.encrypted_backup"
	case errors.Is(err, data.ErrWeakPassphrase):
		return "err.weak_passphrase"
	case errors.Is(err, errPassphraseMismatch):
		return "err.passphrase_mismatch"
	}
	return ""
}
