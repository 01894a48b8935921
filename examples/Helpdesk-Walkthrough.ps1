<#
.SYNOPSIS
An interactive helpdesk walk-through: a user cannot sign in. Explain the error, check the account, look at
recent failures, and reset the password if that is the fix.

.DESCRIPTION
Run it at a PowerShell prompt (Windows PowerShell 5.1 or PowerShell 7) with AadstsTools installed. It asks
one question at a time and shows what each step found; nothing changes in the tenant unless you confirm the
password reset. Steps 2 to 4 need Microsoft Graph (Connect-AadstsGraph signs you in with your own account;
see Get-Help about_AadstsTools for the roles each step needs); step 1 works offline.

  1. The error: paste what the user sees (or just the code) and read what it means and what to do.
  2. The account: Test-UserSignInReadiness checks it (enabled, password expiry, hybrid and federation, SSPR
     and MFA registration, recent failures) and predicts the AADSTS codes the user would get.
  3. Recent failures: Get-AadSignInFailure summarises the user's failed sign-ins of the last days.
  4. The fix: Reset-AadUserPassword, with a password that is easy to read over the phone, a change forced at
     the next sign-in, and optionally the user's sessions revoked.

The parameters and result properties used here are those of AadstsTools' Graph cmdlets as merged on main;
Get-Help <command> -Full describes them.

.PARAMETER UserPrincipalName
The user who cannot sign in; asked for when not given.

.PARAMETER Offline
Only step 1: explain the error, without signing in to Microsoft Graph.

.EXAMPLE
./Helpdesk-Walkthrough.ps1 -UserPrincipalName jdoe@contoso.com

.EXAMPLE
./Helpdesk-Walkthrough.ps1 -Offline
#>
[CmdletBinding()]
param(
    [string] $UserPrincipalName,
    [switch] $Offline
)

$ErrorActionPreference = 'Stop'
Import-Module AadstsTools

function Write-Step([string] $Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}

function Read-YesNo([string] $Question) {
    do {
        $answer = (Read-Host "$Question [y/n]").Trim().ToLowerInvariant()
    } until ($answer -in 'y', 'yes', 'n', 'no')
    return $answer -in 'y', 'yes'
}

# 1. The error ----------------------------------------------------------------------------------------
Write-Step '1. What does the user see?'
Write-Host 'Paste the error text (or just the code, e.g. 50126), then an empty line. Leave it empty to skip.'
$lines = @()
while ($true) {
    $line = Read-Host
    if ([string]::IsNullOrWhiteSpace($line)) { break }
    $lines += $line
}

$reportedCodes = @()
if ($lines.Count -gt 0) {
    $guidance = @(($lines -join "`n") | Get-AadstsGuidance -ErrorAction SilentlyContinue -ErrorVariable notFound)
    if ($guidance.Count -eq 0) {
        Write-Warning "No AADSTS code in that text. Ask the user for the line that starts with AADSTS, or the code on the error page."
    }
    foreach ($entry in $guidance) {
        $entry | Format-List | Out-Host
        $reportedCodes += $entry.Code
    }
}

if ($Offline) {
    return
}

# 2. The account --------------------------------------------------------------------------------------
if (-not $UserPrincipalName) {
    $UserPrincipalName = (Read-Host 'User principal name (e.g. jdoe@contoso.com)').Trim()
}
if (-not $UserPrincipalName) {
    Write-Warning 'No user given; stopping after the explanation.'
    return
}

Write-Step "2. Can $UserPrincipalName sign in?"
# Sign in once per session; Get-AadstsGraphContext says whether we already are.
$context = Get-AadstsGraphContext -ErrorAction SilentlyContinue
if (-not $context) {
    Connect-AadstsGraph
    $context = Get-AadstsGraphContext
}
Write-Host "Signed in as $($context.Account) to tenant $($context.TenantId) ($($context.Cloud))."

# Verdict (Ready, AtRisk, Blocked, Unknown), the checks, and the AADSTS codes the user would meet.
$readiness = Test-UserSignInReadiness -UserId $UserPrincipalName -Days 7
$readiness | Format-List | Out-Host
if ($reportedCodes.Count -gt 0 -and $readiness.PredictedCodes) {
    $explained = @($reportedCodes | Where-Object { $_ -in $readiness.PredictedCodes })
    if ($explained.Count -gt 0) {
        Write-Host "The account check explains what the user sees: AADSTS$($explained -join ', AADSTS')." -ForegroundColor Green
    }
    else {
        Write-Host 'The account check does not predict the code the user sees: look at the sign-in log below.' -ForegroundColor Yellow
    }
}

# 3. Recent failures ----------------------------------------------------------------------------------
Write-Step "3. $UserPrincipalName's failed sign-ins, last 7 days"
Get-AadSignInFailure -UserId $UserPrincipalName -Days 7 -Summary | Format-Table -AutoSize | Out-Host

# 4. The fix ------------------------------------------------------------------------------------------
$passwordCodes = 50055, 50126, 50053, 50125, 50144
$suggestReset = @($reportedCodes + @($readiness.PredictedCodes) | Where-Object { $_ -in $passwordCodes }).Count -gt 0
Write-Step '4. Reset the password?'
if ($suggestReset) {
    Write-Host 'A password reset is the usual fix for what was found.'
}
else {
    Write-Host 'Nothing found points to the password: check the admin steps above before resetting.'
}

if (-not (Read-YesNo "Reset the password of $UserPrincipalName now")) {
    return
}

$revoke = Read-YesNo 'Also end the user''s existing sessions (they sign in again everywhere)'
# -WhatIf first: shows exactly what would happen, changes nothing.
Reset-AadUserPassword -UserId $UserPrincipalName -AvoidAmbiguousCharacters -RevokeSessions:$revoke -WhatIf
$result = Reset-AadUserPassword -UserId $UserPrincipalName -AvoidAmbiguousCharacters -RevokeSessions:$revoke -Confirm

# Status (Reset, WhatIf, Skipped, Failed), Password (a SecureString), Message when it was not reset.
if ([string]$result.Status -ne 'Reset') {
    Write-Warning "The password was not reset: $($result.Status) $($result.Message)"
    return
}

Write-Host 'Password reset. The user must change it at the next sign-in.' -ForegroundColor Green
if (Read-YesNo 'Show the temporary password once, to read it to the user') {
    # On screen only (and in a transcript, if one is running): never to the pipeline, a log or a file.
    Write-Host ([System.Net.NetworkCredential]::new('', $result.Password).Password) -ForegroundColor Yellow
    Read-Host 'Press Enter when it has been read out; the screen is then cleared' | Out-Null
    Clear-Host
}
