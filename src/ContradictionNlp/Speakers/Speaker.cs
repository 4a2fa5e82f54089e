namespace ContradictionNlp.Speakers;

/// <summary>
/// A person (or organisation) that makes claims, merged across articles. <see cref="Id"/> is
/// stable once assigned; <see cref="Name"/> is the fullest name seen; <see cref="Aliases"/> are all
/// surface forms seen (full name, surname, titled forms); <see cref="Roles"/> are titles and roles
/// ("Belarusian President", "Foreign Minister") kept apart from the name.
/// </summary>
public sealed record Speaker(string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles);
