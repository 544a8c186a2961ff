package sections

func init() { withoutModel = true }
