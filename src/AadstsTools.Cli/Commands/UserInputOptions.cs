using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using AadstsTools.Inputs;

namespace AadstsTools.Cli.Commands
{
    /// <summary>The users a bulk command works on: arguments, or a CSV file's UserPrincipalName/Id column.</summary>
    internal sealed class UserInputOptions
    {
        public Argument<string[]> Users { get; } = new Argument<string[]>("user")
        {
            Description = "User principal names or object ids.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        public Option<FileInfo?> FromCsv { get; } = new Option<FileInfo?>("--from-csv")
        {
            Description = "A CSV file with a UserPrincipalName (or Id, ObjectId) column; one user per row.",
        };

        public void AddTo(Command command)
        {
            command.Add(Users);
            command.Add(FromCsv);
        }

        /// <exception cref="ArgumentException">No users given, or both ways given.</exception>
        /// <exception cref="InvalidDataException">The CSV file has no user column.</exception>
        public IEnumerable<string> Read(ParseResult parse)
        {
            string[] users = parse.GetValue(Users) ?? Array.Empty<string>();
            FileInfo? csv = parse.GetValue(FromCsv);
            if (csv != null && users.Length > 0)
            {
                throw new ArgumentException("Give users as arguments or with --from-csv, not both.");
            }

            if (csv == null && users.Length == 0)
            {
                throw new ArgumentException("No users: give user principal names or ids, or --from-csv FILE.");
            }

            if (csv == null)
            {
                return users;
            }

            if (!csv.Exists)
            {
                throw new ArgumentException($"--from-csv: '{csv.FullName}' does not exist.");
            }

            // Read the header now so a file without a user column fails before anything is sent.
            IEnumerator<string> rows = UserListReader.Read(csv.FullName).GetEnumerator();
            bool any = rows.MoveNext();
            return Enumerate(rows, any);
        }

        private static IEnumerable<string> Enumerate(IEnumerator<string> rows, bool hasFirst)
        {
            using (rows)
            {
                if (!hasFirst)
                {
                    yield break;
                }

                do
                {
                    yield return rows.Current;
                }
                while (rows.MoveNext());
            }
        }
    }
}
