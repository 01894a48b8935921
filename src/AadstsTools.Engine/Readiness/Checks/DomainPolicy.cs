using System;
using System.Collections.Generic;
using System.Linq;
using AadstsTools.Graph.Model;

namespace AadstsTools.Readiness.Checks
{
    /// <summary>
    /// Which domain's policy applies to a UPN: the UPN's own domain, and for a subdomain its root domain
    /// (subdomains take their root's password policy and authentication type).
    /// </summary>
    public static class DomainPolicy
    {
        /// <summary>Validity periods at or above this mean "never expires" (scripts set 2147483647).</summary>
        public const int NeverExpiresThreshold = 36500;

        /// <summary>Graph's documented defaults when a domain returns no value.</summary>
        public const int DefaultValidityDays = 90;

        public const int DefaultNotificationDays = 14;

        /// <summary>The domain whose policy applies, or null when the UPN's domain isn't the tenant's.</summary>
        public static DirectoryDomain? Resolve(IReadOnlyList<DirectoryDomain> domains, string upnDomain)
        {
            var byName = domains.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            if (!byName.TryGetValue(upnDomain, out DirectoryDomain? own))
            {
                return null;
            }

            if (own.IsRoot)
            {
                return own;
            }

            // Walk up: a.b.contoso.com → b.contoso.com → contoso.com, and take the root found.
            string name = upnDomain;
            int dot;
            while ((dot = name.IndexOf('.')) > 0)
            {
                name = name.Substring(dot + 1);
                if (byName.TryGetValue(name, out DirectoryDomain? parent) && parent.IsRoot)
                {
                    return parent;
                }
            }

            return own;
        }
    }
}
