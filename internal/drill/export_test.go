package drill

// NewTestBank builds a bank of cards for the tests of package drill_test, one
// file per topic in order of first appearance, titled by titles.
func NewTestBank(cards []Card, titles map[string]string) (*Bank, error) {
	var names []string
	var files []bankFile
	at := map[string]int{}
	for _, c := range cards {
		i, ok := at[c.Topic]
		if !ok {
			i = len(files)
			at[c.Topic] = i
			names = append(names, "drill/"+c.Topic+".json")
			files = append(files, bankFile{Topic: c.Topic, Title: titles[c.Topic]})
		}
		files[i].Cards = append(files[i].Cards, bankCard{ID: c.ID, Round: c.Round, Difficulty: c.Difficulty, Prompt: c.Prompt, Answer: c.Answer, Tags: c.Tags})
	}
	return newBank(names, files)
}
