package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Checksum identifies the exact content of a stack of layers, so a
// candidate and a recruiter can tell whether they run the same pack.
func Checksum(layers ...Source) (string, error) {
	h := sha256.New()
	for _, l := range layers {
		var paths []string
		err := fs.WalkDir(l.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && countsInChecksum(p) {
				paths = append(paths, p)
			}
			return nil
		})
		if err != nil {
			return "", fmt.Errorf("%s: cannot read content pack: %v", l.Name, err)
		}
		sort.Strings(paths)
		for _, p := range paths {
			data, err := fs.ReadFile(l.FS, p)
			if err != nil {
				return "", fmt.Errorf("%s: cannot read: %v", p, err)
			}
			fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
			h.Write(data)
		}
		h.Write([]byte{0xff}) // layer boundary
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func countsInChecksum(p string) bool {
	return strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")
}
