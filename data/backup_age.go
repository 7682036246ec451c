package data

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"filippo.io/age"
)

// ErrWrongPassphrase means an encrypted backup did not open with the
// passphrase given: nothing was read from it and nothing changed.
var ErrWrongPassphrase = errors.New("wrong passphrase: the encrypted backup did not open, nothing changed")

// ErrEncryptedBackup means a backup is encrypted and was to be read
// without its passphrase.
var ErrEncryptedBackup = errors.New("the backup is encrypted: give its passphrase")

// ErrNoPassphrase means an encrypted backup was asked for with an empty
// passphrase.
var ErrNoPassphrase = errors.New("an encrypted backup needs a passphrase")

// ErrWeakPassphrase means a passphrase too short to guard a backup that
// may be lost on a USB stick: at least MinPassphrase characters.
var ErrWeakPassphrase = fmt.Errorf("the backup's passphrase is too short: at least %d characters", MinPassphrase)

// MinPassphrase is the fewest characters of a new backup's passphrase.
const MinPassphrase = 10

// ageHeader starts every age file; a backup starting with it is encrypted.
const ageHeader = "age-encryption.org/v1\n"

// IsEncryptedBackup says whether the file at path is an age file, by its
// first line.
func IsEncryptedBackup(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, fmt.Errorf("backup %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(ageHeader))
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, fmt.Errorf("backup %s: %w", path, err)
	}
	return bytes.Equal(head[:n], []byte(ageHeader)), nil
}

// BackupEncrypted writes the same consistent copy as Backup, encrypted
// with age for a passphrase (scrypt), 0600, replacing dest only once the
// encrypted file is complete. The plain copy lives only in a private
// temporary folder of the OS user and is removed before it returns.
func (s *Store) BackupEncrypted(ctx context.Context, dest, passphrase string) error {
	if passphrase == "" {
		return ErrNoPassphrase
	}
	if utf8.RuneCountInString(passphrase) < MinPassphrase {
		return ErrWeakPassphrase
	}
	rcpt, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return err
	}
	if err := s.checkBackupDest(dest); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "mektepkezhol-backup-") // 0700
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	plain := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, plain); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return fmt.Errorf("backup folder: %w", err)
	}
	tmp := dest + ".part"
	os.Remove(tmp)
	if err := encryptFile(plain, tmp, rcpt); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	return nil
}

// encryptFile writes src encrypted for rcpt into the new file dest, 0600
// from its first byte and on disk before it returns.
func encryptFile(src, dest string, rcpt age.Recipient) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer out.Close()
	buf := bufio.NewWriterSize(out, 1<<16)
	enc, err := age.Encrypt(buf, rcpt)
	if err != nil {
		return err
	}
	if _, err := io.Copy(enc, in); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	if err := out.Sync(); err != nil {
		return err
	}
	return out.Close()
}

// DecryptBackup decrypts the encrypted backup src into a private
// temporary folder and returns the plain copy's path, for CheckBackup and
// Restore, and done, which removes it. A wrong passphrase is
// ErrWrongPassphrase; src is never changed.
func DecryptBackup(src, passphrase string) (plain string, done func(), err error) {
	if passphrase == "" {
		return "", nil, ErrNoPassphrase
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return "", nil, err
	}
	in, err := os.Open(src)
	if err != nil {
		return "", nil, fmt.Errorf("backup %s: %w", src, err)
	}
	defer in.Close()
	dec, err := age.Decrypt(bufio.NewReader(in), id)
	var nomatch *age.NoIdentityMatchError
	if errors.As(err, &nomatch) {
		return "", nil, fmt.Errorf("%s: %w", src, ErrWrongPassphrase)
	}
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w: %v", src, ErrBadBackup, err)
	}
	dir, err := os.MkdirTemp("", "mektepkezhol-restore-") // 0700
	if err != nil {
		return "", nil, err
	}
	done = func() { os.RemoveAll(dir) }
	plain = filepath.Join(dir, "backup.db")
	out, err := os.OpenFile(plain, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		done()
		return "", nil, err
	}
	_, err = io.Copy(out, dec)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		done()
		// age checks every chunk: a cut or altered file fails here
		return "", nil, fmt.Errorf("%s: %w: %v", src, ErrBadBackup, err)
	}
	return plain, done, nil
}
