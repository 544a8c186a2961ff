package workspace

// What the drills (internal/drill) need of the workspace beyond stories,
// practice answers, the timeline and progress: to read a file of their own
// (the drill store, the day's drill log) with the same limits, and to
// decode and encode it as strictly as the workspace's own YAML files.

import "path/filepath"

// ReadFile reads the workspace file rel (slash-separated), at most 1 MiB:
// its content and whether it exists. A missing file is (nil, false, nil).
func (w *Workspace) ReadFile(rel string) ([]byte, bool, error) {
	return readFile(w.path(rel))
}

// Path is the absolute path of rel (slash-separated) in the workspace,
// for messages.
func (w *Workspace) Path(rel string) string {
	return filepath.Clean(w.path(rel))
}

// DecodeStrict decodes one YAML document of the file path into out as the
// workspace's own files are decoded: an unknown key, a key given twice, a
// second document or a value of the wrong shape is a *ParseError with the
// line. An empty file leaves out as it is; known lists the keys for the
// message about an unknown one.
func DecodeStrict(path string, data []byte, out any, known string) error {
	return decodeStrict(path, data, out, known)
}

// EncodeYAML is v as YAML with two-space indents, under header (a comment
// for whoever opens the file, ending in a newline).
func EncodeYAML(header string, v any) ([]byte, error) {
	return encodeYAML(header, v)
}

// Refused marks err, when it is a *ParseError, as the reason a save did
// not happen, so its message says prep does not write over the file.
func Refused(err error) error { return refused(err) }
