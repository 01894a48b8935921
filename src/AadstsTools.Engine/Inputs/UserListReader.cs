using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AadstsTools.Records;
using CsvHelper;
using CsvHelper.Configuration;

namespace AadstsTools.Inputs
{
    /// <summary>
    /// Reads the users of a bulk run from a CSV file: the column named UserPrincipalName, UPN, Id, ObjectId
    /// or UserId (by header, any case, spaces ignored), one user per row. Every data row yields an entry,
    /// empty ones included, so every row gets its own result.
    /// </summary>
    public static class UserListReader
    {
        /// <summary>Headers that name the user, in order of preference.</summary>
        public static readonly string[] UserColumns = { "UserPrincipalName", "UPN", "Id", "ObjectId", "UserId", "User" };

        /// <exception cref="InvalidDataException">No user column, or the file isn't CSV; the message names the file and the columns found.</exception>
        /// <exception cref="IOException">The file can't be read.</exception>
        public static IEnumerable<string> Read(string path)
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = true,
                BadDataFound = null,
                MissingFieldFound = null,
                TrimOptions = TrimOptions.Trim,
            };
            using var csv = new CsvReader(reader, configuration);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord == null)
            {
                throw new InvalidDataException($"'{path}' is empty; expected a CSV file with a header row and a UserPrincipalName (or Id) column.");
            }

            string[] headers = csv.HeaderRecord;
            int column = -1;
            foreach (string wanted in UserColumns)
            {
                column = Array.FindIndex(headers, h => RecordReader.NormalizeName(h) == RecordReader.NormalizeName(wanted));
                if (column >= 0)
                {
                    break;
                }
            }

            if (column < 0)
            {
                throw new InvalidDataException($"'{path}' has no user column: expected one of {string.Join(", ", UserColumns)}; found: {string.Join(", ", headers.Select(h => "'" + h + "'"))}.");
            }

            while (csv.Read())
            {
                yield return csv.GetField(column) ?? string.Empty;
            }
        }
    }
}
