package data

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"filippo.io/age"
)

// gzipLevel is the daily copies' compression: BestSpeed already brings a
// database to about a fifth of its size (see TestAutoBackupCityDemo) at
// several times the speed of the default level.
const gzipLevel = gzip.BestSpeed

var gzipMagic = []byte{0x1f, 0x8b}

// writeCompressed streams the plain file src into the new file dest:
// gzip, then age for rcpt when it is set. dest is written as dest.part,
// 0600 from its first byte, synced, then renamed.
func writeCompressed(src, dest string, rcpt age.Recipient) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := dest + ".part"
	os.Remove(tmp)
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	err = compressTo(out, in, rcpt)
	if serr := out.Sync(); err == nil {
		err = serr
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dest)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	return nil
}

func compressTo(out io.Writer, in io.Reader, rcpt age.Recipient) error {
	buf := bufio.NewWriterSize(out, 1<<16)
	var sink io.WriteCloser = nopCloser{buf}
	if rcpt != nil {
		enc, err := age.Encrypt(buf, rcpt)
		if err != nil {
			return err
		}
		sink = enc
	}
	gz, err := gzip.NewWriterLevel(sink, gzipLevel)
	if err != nil {
		return err
	}
	if _, err := io.Copy(gz, in); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	if err := sink.Close(); err != nil {
		return err
	}
	return buf.Flush()
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// ErrCutBackup means a compressed or encrypted backup ends early or was
// altered: gzip's and age's checks failed, nothing was restored.
var ErrCutBackup = fmt.Errorf("%w: the file is cut short or damaged", ErrBadBackup)

// OpenBackup returns a plain SQLite file of the backup src, for
// CheckBackup, Restore and the backups list: src itself when it is plain,
// else src decrypted (age, with keys) and decompressed (gzip) into a file
// 0600 in a private folder 0700 of the OS user, which done removes. The
// file is streamed, never held in memory. An encrypted src that keys
// cannot open is ErrEncryptedBackup without a passphrase, else
// ErrWrongPassphrase; a cut or altered one is ErrCutBackup. src is never
// changed.
func OpenBackup(src string, keys BackupKeys) (plain string, done func(), err error) {
	f, err := os.Open(src)
	if err != nil {
		return "", nil, fmt.Errorf("backup %s: %w", src, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	var r io.Reader = br
	head, _ := br.Peek(len(ageHeader))
	encrypted := bytes.Equal(head, []byte(ageHeader))
	if encrypted {
		if r, err = keys.decrypt(src, br); err != nil {
			return "", nil, err
		}
	}
	rb := bufio.NewReaderSize(r, 1<<16)
	r = rb
	if magic, _ := rb.Peek(2); bytes.Equal(magic, gzipMagic) {
		gz, err := gzip.NewReader(rb)
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w: %v", src, ErrCutBackup, err)
		}
		gz.Multistream(false)
		r = gz
	} else if !encrypted {
		return src, func() {}, nil
	}
	return spill(src, r)
}

// spill writes r into a new private file: the plain copy of src.
func spill(src string, r io.Reader) (string, func(), error) {
	dir, err := os.MkdirTemp("", "mektepkezhol-restore-") // 0700
	if err != nil {
		return "", nil, err
	}
	done := func() { os.RemoveAll(dir) }
	plain := filepath.Join(dir, "backup.sqlite")
	out, err := os.OpenFile(plain, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		done()
		return "", nil, err
	}
	rr := &readErr{r: r}
	_, err = io.Copy(out, rr)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		done()
		if rr.err != nil { // gzip's or age's check, or the file ends early
			return "", nil, fmt.Errorf("%s: %w: %v", src, ErrCutBackup, err)
		}
		return "", nil, err
	}
	return plain, done, nil
}

// readErr remembers a read's error, to tell a bad backup from a full disk.
type readErr struct {
	r   io.Reader
	err error
}

func (e *readErr) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}
