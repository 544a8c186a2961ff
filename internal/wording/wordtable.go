package wording

// The word lists are looked up in wordSlots, a hash table written out by
// TestWordTable (wordtable_gen.go) rather than a map built at run time:
// the map cost the first check of every process 976 insertions and some
// 55 KB of fresh heap, and a table in the binary costs nothing until a
// page of it is read.
//
//go:generate go test . -run ^TestWordTable$ -update

// wordSlot is one slot of wordSlots: a word of some list, and its lists.
type wordSlot struct {
	word  string
	lists wordList
}

// listsOfWord gives the lists w is in. wordSlots is open addressing with
// linear probing from Hash(w); its length is a power of two at least
// twice the number of words, so an empty slot ends every search.
func listsOfWord(w string) wordList {
	mask := uint32(len(wordSlots) - 1)
	for h := Hash(w) & mask; ; h = (h + 1) & mask {
		switch s := &wordSlots[h]; s.word {
		case w:
			return s.lists
		case "":
			return 0
		}
	}
}

// Hash is 32-bit FNV-1a, the hash of the word table and of the section
// model's vocabulary: cheap for short words, and the same on every
// machine, so a table can be written out once.
func Hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
