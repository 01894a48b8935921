using System;

namespace AadstsTools.SignIns.Analysis
{
    /// <summary>The running counts behind one summary row.</summary>
    internal sealed class GroupStats
    {
        public GroupStats(int distinctCap)
        {
            Users = new CappedCounter(distinctCap);
            Apps = new CappedCounter(distinctCap);
            Ips = new CappedCounter(distinctCap);
            Codes = new CappedCounter(distinctCap, StringComparer.Ordinal);
        }

        public long Count { get; private set; }

        public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;

        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

        public CappedCounter Users { get; }

        public CappedCounter Apps { get; }

        public CappedCounter Ips { get; }

        public CappedCounter Codes { get; }

        public void Add(SignInEvent signIn)
        {
            Count++;
            if (signIn.TimeUtc < First)
            {
                First = signIn.TimeUtc;
            }

            if (signIn.TimeUtc > Last)
            {
                Last = signIn.TimeUtc;
            }

            Users.Add(signIn.Principal);
            Apps.Add(signIn.App);
            Ips.Add(signIn.IpAddress);
            Codes.Add(SignInTriage.CodeKey(signIn.ErrorCode));
        }
    }
}
