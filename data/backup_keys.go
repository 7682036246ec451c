package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"filippo.io/age"
)

// How the daily copies are encrypted, kept in Settings.Extra.
//
// Key mode: an age X25519 identity is generated once into
// <config>/mektepkezhol/backup.key (0600, os.UserConfigDir: the OS user's
// own folder); each copy is encrypted to its public recipient and the
// restore opens it with the file, without asking anything. Without that
// file the copies cannot be opened: the settings say so and show its path.
//
// Passphrase mode: the copies are made unattended, so they cannot be
// encrypted to the passphrase itself (age's scrypt recipient needs it at
// every encryption). So an X25519 identity is generated when the
// passphrase is set, the identity is encrypted with the passphrase (age
// scrypt) into <config>/mektepkezhol/backup-passphrase.age (0600), and its
// public recipient — no secret — is kept in the settings. Each copy is
// encrypted to that recipient; the restore asks the passphrase, unlocks
// the identity and opens the copy. The passphrase itself is stored nowhere.
const (
	ExtraBackupEncrypt   = "backup.encrypt"   // "", BackupEncryptKey or BackupEncryptPassphrase
	ExtraBackupRecipient = "backup.recipient" // the passphrase mode's public recipient (age1…)
)

// The encryption modes of the daily copies.
const (
	BackupEncryptNone       = ""
	BackupEncryptKey        = "key"
	BackupEncryptPassphrase = "passphrase"
)

// The files of the keys in the key folder.
const (
	backupKeyFile        = "backup.key"
	backupPassphraseFile = "backup-passphrase.age"
)

// ErrNoBackupKey means the daily copies are to be encrypted with a
// passphrase that was never set.
var ErrNoBackupKey = errors.New("the daily backups' passphrase is not set: set it in the settings")

// BackupKeyDir is the folder of the backup keys: mektepkezhol in the OS
// user's config folder.
func BackupKeyDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "mektepkezhol"), nil
}

// BackupKeyPath is the key mode's key file in dir.
func BackupKeyPath(dir string) string { return filepath.Join(dir, backupKeyFile) }

// BackupPassphraseKeyPath is the passphrase mode's locked key in dir.
func BackupPassphraseKeyPath(dir string) string { return filepath.Join(dir, backupPassphraseFile) }

// EnsureBackupKey returns the recipient of the key file in dir, generating
// the file (0600, once: O_EXCL) when there is none.
func EnsureBackupKey(dir string) (age.Recipient, error) {
	path := BackupKeyPath(dir)
	if b, err := os.ReadFile(path); err == nil {
		id, err := parseIdentity(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return id.Recipient(), nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	if err := writeNew(path, identityText(id)); err != nil {
		if errors.Is(err, os.ErrExist) { // another start made it meanwhile
			return EnsureBackupKey(dir)
		}
		return nil, err
	}
	return id.Recipient(), nil
}

// SetBackupPassphrase makes a new identity locked with passphrase in dir
// and returns its public recipient for Settings.Extra[ExtraBackupRecipient].
// An earlier locked key is kept as backup-passphrase-<time>.age: the copies
// made for it still open with the earlier passphrase.
func SetBackupPassphrase(dir, passphrase string) (string, error) {
	if passphrase == "" {
		return "", ErrNoPassphrase
	}
	if utf8.RuneCountInString(passphrase) < MinPassphrase {
		return "", ErrWeakPassphrase
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", err
	}
	rcpt, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return "", err
	}
	var locked bytes.Buffer
	w, err := age.Encrypt(&locked, rcpt)
	if err != nil {
		return "", err
	}
	if _, err := w.Write(identityText(id)); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := BackupPassphraseKeyPath(dir)
	tmp := path + ".part"
	os.Remove(tmp)
	if err := writeNew(tmp, locked.Bytes()); err != nil {
		return "", err
	}
	// the earlier key stays, renamed: the copies made for it open with the
	// earlier passphrase
	if _, err := os.Stat(path); err == nil {
		old := filepath.Join(dir, fmt.Sprintf("backup-passphrase-%d.age", time.Now().UnixNano()))
		if err := os.Rename(path, old); err != nil {
			os.Remove(tmp)
			return "", err
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return id.Recipient().String(), nil
}

// AutoBackupRecipient returns for whom the settings encrypt the daily
// copies: nil when they are not encrypted.
func AutoBackupRecipient(st Settings, dir string) (age.Recipient, error) {
	switch st.Extra[ExtraBackupEncrypt] {
	case BackupEncryptKey:
		return EnsureBackupKey(dir)
	case BackupEncryptPassphrase:
		text := strings.TrimSpace(st.Extra[ExtraBackupRecipient])
		if text == "" {
			return nil, ErrNoBackupKey
		}
		return age.ParseX25519Recipient(text)
	}
	return nil, nil
}

// BackupKeys are what an encrypted backup may be opened with: the key
// folder's files (Dir; "" for none) and a passphrase, for a backup made
// with --encrypt or a daily copy of the passphrase mode.
type BackupKeys struct {
	Dir        string
	Passphrase string
}

// identities lists what may open a file: the key file, the passphrase
// (scrypt) and the identity the passphrase unlocks.
func (k BackupKeys) identities() []age.Identity {
	var ids []age.Identity
	if k.Dir != "" {
		if b, err := os.ReadFile(BackupKeyPath(k.Dir)); err == nil {
			if id, err := parseIdentity(b); err == nil {
				ids = append(ids, id)
			}
		}
	}
	if k.Passphrase == "" {
		return ids
	}
	scrypt, err := age.NewScryptIdentity(k.Passphrase)
	if err != nil {
		return ids
	}
	ids = append(ids, scrypt)
	if k.Dir == "" {
		return ids
	}
	entries, _ := os.ReadDir(k.Dir) // read, not globbed: a «[» in a Windows path is no pattern
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "backup-passphrase") || !strings.HasSuffix(name, ".age") {
			continue
		}
		if id, err := unlockIdentity(filepath.Join(k.Dir, name), scrypt); err == nil {
			ids = append(ids, id)
		} // another passphrase's key: the scrypt identity may still fit
	}
	return ids
}

// unlockIdentity reads the key locked with a passphrase at path.
func unlockIdentity(path string, scrypt age.Identity) (*age.X25519Identity, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := age.Decrypt(f, scrypt)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(r, 1<<12))
	if err != nil {
		return nil, err
	}
	return parseIdentity(b)
}

// decrypt opens the age stream r of the backup src.
func (k BackupKeys) decrypt(src string, r io.Reader) (io.Reader, error) {
	ids := k.identities()
	if len(ids) == 0 {
		return nil, fmt.Errorf("%s: %w", src, ErrEncryptedBackup)
	}
	dec, err := age.Decrypt(r, ids...)
	var nomatch *age.NoIdentityMatchError
	if errors.As(err, &nomatch) {
		if k.Passphrase == "" {
			return nil, fmt.Errorf("%s: %w", src, ErrEncryptedBackup)
		}
		return nil, fmt.Errorf("%s: %w", src, ErrWrongPassphrase)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", src, ErrBadBackup, err)
	}
	return dec, nil
}

func identityText(id *age.X25519Identity) []byte {
	return fmt.Appendf(nil, "# created: %s\n# public key: %s\n%s\n",
		time.Now().UTC().Format(time.RFC3339), id.Recipient(), id)
}

func parseIdentity(b []byte) (*age.X25519Identity, error) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "AGE-SECRET-KEY-") {
			return age.ParseX25519Identity(line)
		}
	}
	return nil, errors.New("no age identity in the key file")
}

// writeNew writes a new file 0600 from its first byte, synced; an
// existing one is os.ErrExist.
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}
