#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Get-AadSignInFailure against the laid-out module: the sample download in examples/ (CSV and JSON), checked against
# the same file read independently with Import-Csv, and the Graph path against the emulator's fixture tenant. Parameter
# binding, pipeline input, filters, -Summary/-GroupBy and the patterns, error records, format views and help.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $null = Import-AadstsTestModule
    $script:Examples = Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path 'examples'
    $script:SampleCsv = Join-Path $Examples 'signins-interactive.csv'
    $script:SampleJson = Join-Path $Examples 'signins-interactive.json'
    $script:Emulator = Start-AadstsTestEmulator

    # The sample read without the module. Import-Csv refuses the download's duplicated "Incoming token type" column, so
    # the header is given to it with the second one renamed (and the BOM left out).
    $header = @((Get-Content -LiteralPath $SampleCsv -TotalCount 1 -Encoding UTF8).TrimStart([char]0xFEFF) -split ',')
    $seen = @{}
    $names = foreach ($name in $header) {
        if ($seen.ContainsKey($name)) {
            $seen[$name]++
            "$name ($($seen[$name]))"
        }
        else {
            $seen[$name] = 1
            $name
        }
    }
    $script:SampleRows = @(Import-Csv -LiteralPath $SampleCsv -Header $names -Encoding UTF8 | Select-Object -Skip 1)
    $script:BenignCodes = @(Get-AadstsGuidance -All | Where-Object Benign | ForEach-Object Code)
    $script:SampleFailures = @($SampleRows | Where-Object { $_.'Sign-in error code' -ne '0' -and [int]$_.'Sign-in error code' -notin $BenignCodes })
    $script:SampleLockoutCount = @($SampleFailures | Where-Object { $_.'Sign-in error code' -eq '50053' }).Count
}

AfterAll {
    Stop-AadstsTestSession $Emulator
}

Describe 'Get-AadSignInFailure parameter binding' {
    BeforeAll {
        $command = Get-Command Get-AadSignInFailure
    }

    It 'reads Graph unless given a file' {
        $command.DefaultParameterSet | Should -Be 'Graph'
        @($command.ParameterSets.Name | Sort-Object) | Should -Be @('Graph', 'Path')
    }

    It 'takes -Path first, mandatory in its set, from the pipeline by value and by property name' {
        Get-AadstsParameterBinding Get-AadSignInFailure Path -ParameterSet Path | Should -Be 'Mandatory, Position 0, ByValue, ByPropertyName'
        $command.Parameters['Path'].Aliases | Should -Be @('FullName', 'FilePath')
    }

    It 'keeps -DateOrder and -LogType to files' {
        $command.Parameters['DateOrder'].ParameterSets.Keys | Should -Be 'Path'
        $command.Parameters['LogType'].ParameterSets.Keys | Should -Be 'Path'
    }

    It 'takes -<Alias> for -<Name>' -ForEach @(
        @{ Name = 'ErrorCode'; Alias = 'Code' }
        @{ Name = 'UserId'; Alias = 'UserPrincipalName' }
        @{ Name = 'UserId'; Alias = 'User' }
        @{ Name = 'AppId'; Alias = 'App' }
    ) {
        $command.Parameters[$Name].Aliases | Should -Contain $Alias
    }

    It 'offers <Values> for -<Parameter>' -ForEach @(
        @{ Parameter = 'GroupBy'; Values = 'Code,User,App,IP' }
        @{ Parameter = 'DateOrder'; Values = 'Auto,DayFirst,MonthFirst' }
    ) {
        $type = $command.Parameters[$Parameter].ParameterType
        if ($type.IsGenericType) {
            $type = $type.GetGenericArguments()[0]
        }

        ([enum]::GetNames($type) -join ',') | Should -Be $Values
    }

    It 'refuses an unknown grouping, naming the ones there are' {
        $thrown = { Get-AadSignInFailure -Path $SampleCsv -GroupBy Country } | Should -Throw -PassThru

        $thrown.Exception.Message | Should -Match 'Code, User, App, IP'
    }

    It 'refuses -Days <Days>' -ForEach @(
        @{ Days = 0 }
        @{ Days = 3651 }
    ) {
        { Get-AadSignInFailure -Path $SampleCsv -Days $Days } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Get-AadSignInFailure -Path with the sample download' {
    BeforeAll {
        $failures = @(Get-AadSignInFailure -Path $SampleCsv -ErrorVariable readErrors -WarningVariable readWarnings)
    }

    It 'returns one AadstsTools.SignInFailure per failed sign-in, leaving out successes and expected interrupts' {
        $SampleFailures.Count | Should -BeGreaterThan 0
        $failures.Count | Should -Be $SampleFailures.Count
        $failures[0].PSObject.TypeNames | Should -Contain 'AadstsTools.SignInFailure'
        @($failures | Where-Object Succeeded) | Should -BeNullOrEmpty
        @($failures | Where-Object Benign) | Should -BeNullOrEmpty
        $readErrors | Should -BeNullOrEmpty
        $readWarnings | Should -BeNullOrEmpty
    }

    It 'returns them in file order, with the file''s request ids, users and codes' {
        $failures.RequestId | Should -Be $SampleFailures.'Request ID'
        $failures.UserPrincipalName | Should -Be $SampleFailures.Username
        @($failures | ForEach-Object { [string]$_.ErrorCode }) | Should -Be $SampleFailures.'Sign-in error code'
        [string]$failures[0].LogType | Should -Be 'Interactive'
    }

    It 'attaches the catalog''s guidance and the command that fixes it' {
        $lockouts = @($failures | Where-Object ErrorCode -EQ 50053)

        $lockouts.Count | Should -BeGreaterThan 0
        foreach ($lockout in $lockouts) {
            $lockout.Code | Should -Be 'AADSTS50053'
            $lockout.Title | Should -Be 'IdsLocked'
            $lockout.GuidanceSummary | Should -Not -BeNullOrEmpty
            $lockout.FixCommand | Should -Match '^Reset-AadUserPassword '
        }
    }

    It 'reads the JSON download to the same failures' {
        $fromJson = @(Get-AadSignInFailure -Path $SampleJson -ErrorVariable jsonErrors)

        $fromJson.Count | Should -Be $failures.Count
        @($fromJson.RequestId | Sort-Object) | Should -Be @($failures.RequestId | Sort-Object)
        $jsonErrors | Should -BeNullOrEmpty
    }

    It 'adds the expected interrupts with -IncludeBenign' {
        $withBenign = @(Get-AadSignInFailure -Path $SampleCsv -IncludeBenign)

        $withBenign.Count | Should -Be @($SampleRows | Where-Object { $_.'Sign-in error code' -ne '0' }).Count
        @($withBenign | Where-Object Benign).Count | Should -BeGreaterThan 0
    }

    It 'adds the successful sign-ins with -IncludeSuccess' {
        $withSuccess = @(Get-AadSignInFailure -Path $SampleCsv -IncludeSuccess)
        $successes = @($withSuccess | Where-Object Succeeded)

        $successes.Count | Should -Be @($SampleRows | Where-Object { $_.'Sign-in error code' -eq '0' }).Count
        $withSuccess.Count | Should -Be ($failures.Count + $successes.Count)
        $successes | ForEach-Object { $_.Code | Should -BeNullOrEmpty }
    }

    It 'keeps only the codes given with -ErrorCode (or -Code)' {
        $lockouts = @(Get-AadSignInFailure -Path $SampleCsv -ErrorCode 50053)
        $expiredOrDisabled = @(Get-AadSignInFailure -Path $SampleCsv -Code 50055, 50057)

        $lockouts.Count | Should -Be $SampleLockoutCount
        $expiredOrDisabled.Count | Should -Be @($SampleFailures | Where-Object { $_.'Sign-in error code' -in '50055', '50057' }).Count
        @($expiredOrDisabled.ErrorCode | Sort-Object -Unique) | Should -Be @(50055, 50057)
    }

    It 'keeps only the users given with -UserId' {
        $user = 'casey.smith@contoso.example'

        $theirs = @(Get-AadSignInFailure -Path $SampleCsv -UserId $user)

        $theirs.Count | Should -Be @($SampleFailures | Where-Object Username -EQ $user).Count
        $theirs.Count | Should -BeGreaterThan 0
        $theirs | ForEach-Object { $_.UserPrincipalName | Should -Be $user }
    }

    It 'keeps only the apps given with -AppId, by name or id' {
        $app = 'Contoso Scan-to-Mail'

        $byName = @(Get-AadSignInFailure -Path $SampleCsv -AppId $app)
        $byId = @(Get-AadSignInFailure -Path $SampleCsv -App $byName[0].AppId)

        $byName.Count | Should -Be @($SampleFailures | Where-Object Application -EQ $app).Count
        $byName | ForEach-Object { $_.App | Should -Be $app }
        $byId.Count | Should -Be $byName.Count
    }

    It 'keeps only the sign-ins from -Since on' {
        $since = [datetime]::new(2026, 11, 20, 0, 0, 0, [System.DateTimeKind]::Utc)

        $recent = @(Get-AadSignInFailure -Path $SampleCsv -Since $since)

        $recent.Count | Should -Be @($SampleFailures | Where-Object { $_.'Date (UTC)' -ge '2026-11-20T00:00:00Z' }).Count
        $recent.Count | Should -BeLessThan $failures.Count
        $recent | ForEach-Object { $_.TimeUtc | Should -BeGreaterOrEqual $since }
    }

    It 'uses the catalog overlay given with -OverlayPath' {
        $overlay = Join-Path $TestDrive 'overlay.json'
        Set-Content -LiteralPath $overlay -Value '{ "entries": [ { "code": 50053, "summary": "Locked out: call the Contoso helpdesk on 555-0100." } ] }'

        $lockout = Get-AadSignInFailure -Path $SampleCsv -ErrorCode 50053 -OverlayPath $overlay | Select-Object -First 1

        $lockout.GuidanceSummary | Should -Be 'Locked out: call the Contoso helpdesk on 555-0100.'
    }

    It 'takes the log type from -LogType when the file name does not tell' {
        $failure = Get-AadSignInFailure -Path $SampleCsv -ErrorCode 50053 -LogType NonInteractive | Select-Object -First 1

        [string]$failure.LogType | Should -Be 'NonInteractive'
    }
}

Describe 'Get-AadSignInFailure pipeline input' {
    It 'takes paths from the pipeline by value' {
        @($SampleCsv | Get-AadSignInFailure -ErrorCode 50053).Count | Should -Be $SampleLockoutCount
    }

    It 'takes Get-ChildItem output by its FullName' {
        @(Get-ChildItem -LiteralPath $Examples -Filter 'signins-interactive.csv' | Get-AadSignInFailure -ErrorCode 50053).Count |
            Should -Be $SampleLockoutCount
    }

    It 'takes objects with a FilePath property' {
        @([pscustomobject]@{ FilePath = $SampleCsv } | Get-AadSignInFailure -ErrorCode 50053).Count |
            Should -Be $SampleLockoutCount
    }

    It 'expands wildcards: every matching download is read' {
        $both = @(Get-AadSignInFailure -Path (Join-Path $Examples 'signins-interactive.*') -ErrorCode 50053)

        $both.Count | Should -Be (2 * $SampleLockoutCount)
    }

    It 'summarises everything piped in once, at the end' {
        $summary = @(Get-ChildItem -LiteralPath $Examples -Filter 'signins-interactive.*' | Get-AadSignInFailure -Summary -ErrorCode 50053)

        $summary.Count | Should -Be 1
        $summary[0].Count | Should -Be (2 * $SampleLockoutCount)
    }
}

Describe 'Get-AadSignInFailure -Summary and -GroupBy with the sample download' {
    BeforeAll {
        $summary = @(Get-AadSignInFailure -Path $SampleCsv -Summary)
    }

    It 'gives one AadstsTools.SignInFailureSummary per code, counting what the file holds' {
        $expected = @{}
        $SampleFailures | Group-Object 'Sign-in error code' | ForEach-Object {
            $expected["AADSTS$($_.Name)"] = [pscustomobject]@{
                Count = $_.Count
                Users = @($_.Group | ForEach-Object { $_.Username.ToLowerInvariant() } | Sort-Object -Unique).Count
            }
        }

        $summary[0].PSObject.TypeNames | Should -Contain 'AadstsTools.SignInFailureSummary'
        @($summary.Key | Sort-Object) | Should -Be @($expected.Keys | Sort-Object)
        foreach ($row in $summary) {
            [string]$row.GroupBy | Should -Be 'Code'
            $row.Count | Should -Be $expected[$row.Key].Count -Because "$($row.Key) occurs that often in the file"
            $row.DistinctUsers | Should -Be $expected[$row.Key].Users -Because "$($row.Key) hits that many users"
        }
        ($summary | Measure-Object -Property Count -Sum).Sum | Should -Be $SampleFailures.Count
    }

    It 'sorts the rows by impact: most users first, then most sign-ins' {
        for ($i = 1; $i -lt $summary.Count; $i++) {
            $previous = $summary[$i - 1]
            $current = $summary[$i]
            ($previous.DistinctUsers -gt $current.DistinctUsers -or
                ($previous.DistinctUsers -eq $current.DistinctUsers -and $previous.Count -ge $current.Count)) | Should -BeTrue -Because "$($previous.Key) comes before $($current.Key)"
        }
    }

    It 'flags the spike, the password spray, the stale credentials and the lockouts planted in the sample' {
        $kinds = @($summary | ForEach-Object { $_.Flags } | ForEach-Object { [string]$_.Kind } | Sort-Object -Unique)

        $kinds | Should -Be @('Lockout', 'PasswordSpray', 'Spike', 'StaleCredentials')
        @(($summary | Where-Object Key -EQ 'AADSTS50053').Flags | ForEach-Object { [string]$_.Kind }) | Should -Contain 'Lockout'
        ($summary | Where-Object Key -EQ 'AADSTS50126').FlagText | Should -Match 'Spike'
    }

    It 'groups per IP address with -GroupBy IP (no -Summary needed) and flags the spraying address' {
        $byIp = @(Get-AadSignInFailure -Path $SampleCsv -GroupBy IP)
        $spray = $byIp | Where-Object Key -EQ '203.0.113.77'

        $byIp | ForEach-Object { [string]$_.GroupBy | Should -Be 'IP' }
        @($spray.Flags | ForEach-Object { [string]$_.Kind }) | Should -Contain 'PasswordSpray'
    }

    It 'groups per app with -GroupBy App and flags the connector with stale credentials' {
        $byApp = @(Get-AadSignInFailure -Path $SampleCsv -GroupBy App)
        $connector = $byApp | Where-Object Key -EQ 'Contoso Scan-to-Mail'

        @($connector.Flags | ForEach-Object { [string]$_.Kind }) | Should -Contain 'StaleCredentials'
    }

    It 'groups per user with -GroupBy User and flags each locked-out account' {
        $byUser = @(Get-AadSignInFailure -Path $SampleCsv -GroupBy User)

        foreach ($user in 'alex.kim@contoso.example', 'jo.garcia@contoso.example', 'sam.taylor@contoso.example') {
            $row = $byUser | Where-Object Key -EQ $user
            @($row.Flags | ForEach-Object { [string]$_.Kind }) | Should -Contain 'Lockout' -Because "$user was locked out"
        }
    }
}

Describe 'Get-AadSignInFailure -DateOrder' {
    BeforeAll {
        # A download re-saved by a spreadsheet: 05/06/2026 is 5 June or 6 May.
        $resaved = Join-Path $TestDrive 'signins-resaved.csv'
        Set-Content -LiteralPath $resaved -Value @(
            'Date (UTC),Request ID,Username,Application,IP address,Status,Sign-in error code,Failure reason'
            '05/06/2026 09:14,0d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a,jdoe@contoso.com,Microsoft Teams,203.0.113.7,Failure,50126,Invalid username or password.'
        )
    }

    It 'reads day first with -DateOrder DayFirst' {
        $failure = Get-AadSignInFailure -Path $resaved -DateOrder DayFirst

        $failure.TimeUtc.Month | Should -Be 6
        $failure.TimeUtc.Day | Should -Be 5
    }

    It 'reads month first with -DateOrder MonthFirst' {
        $failure = Get-AadSignInFailure -Path $resaved -DateOrder MonthFirst

        $failure.TimeUtc.Month | Should -Be 5
        $failure.TimeUtc.Day | Should -Be 6
    }

    It 'warns that it guessed, pointing to -DateOrder, when the file can''t tell' {
        $failure = Get-AadSignInFailure -Path $resaved -WarningVariable warnings -WarningAction SilentlyContinue

        @($failure).Count | Should -Be 1
        ($warnings.Message -join "`n") | Should -Match '-DateOrder'
    }
}

Describe 'Get-AadSignInFailure errors and warnings with files' {
    It 'reports a missing file as ObjectNotFound, naming it, and still reads the others' {
        $missing = Join-Path $TestDrive 'no-such-download.csv'

        $failures = @(Get-AadSignInFailure -Path $missing, $SampleCsv -ErrorCode 50053 -ErrorVariable errors -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be $SampleLockoutCount
        $errors | Format-AadstsErrorRecord | Should -Be "SignInFileNotFound ObjectNotFound on '$missing'"
        $errors[0].FullyQualifiedErrorId | Should -Be 'SignInFileNotFound,AadstsTools.Commands.GetAadSignInFailureCommand'
        $errors[0].Exception.Message | Should -Match 'no-such-download\.csv'
    }

    It 'reports a file without the date or error code column as InvalidData, naming the column and the columns found' {
        $wrong = Join-Path $TestDrive 'not-a-download.csv'
        Set-Content -LiteralPath $wrong -Value @('Name,Department', 'Jane Doe,Sales')

        $failures = Get-AadSignInFailure -Path $wrong -ErrorVariable errors -ErrorAction SilentlyContinue

        $failures | Should -BeNullOrEmpty
        $errors | Format-AadstsErrorRecord | Should -Be "MissingSignInColumn InvalidData on 'not-a-download.csv'"
        $errors[0].Exception.Message | Should -Match "no '(Date \(UTC\)|Sign-in error code)' column"
        $errors[0].Exception.Message | Should -Match "'Department'"
    }

    It 'warns about a download with a header and no rows, without an error' {
        $empty = Join-Path $TestDrive 'signins-empty.csv'
        Set-Content -LiteralPath $empty -Value 'Date (UTC),Request ID,Username,Status,Sign-in error code'

        $failures = Get-AadSignInFailure -Path $empty -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue

        $failures | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
        ($warnings.Message -join "`n") | Should -Match 'no sign-in rows'
    }

    It 'stops at a missing file with -ErrorAction Stop' {
        { Get-AadSignInFailure -Path (Join-Path $TestDrive 'missing.csv') -ErrorAction Stop } | Should -Throw -ErrorId 'SignInFileNotFound,*'
    }
}

Describe 'Get-AadSignInFailure from Microsoft Graph (the emulator)' {
    BeforeAll {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
        # Each call is a reporting-API query (5 per 10 seconds): the default window is read once for several tests.
        $lastDay = @(Get-AadSignInFailure -ErrorVariable graphErrors)
        $lastDaySummary = @(Get-AadSignInFailure -Summary)
    }

    It 'returns the failed sign-ins of the last 24 hours, with guidance and without successes' {
        $lastDay.Count | Should -BeGreaterThan 0
        $graphErrors | Should -BeNullOrEmpty
        $lastDay | ForEach-Object {
            $_.PSObject.TypeNames | Should -Contain 'AadstsTools.SignInFailure'
            $_.Succeeded | Should -BeFalse
            $_.TimeUtc | Should -BeGreaterThan ([datetime]::UtcNow.AddDays(-1).AddMinutes(-5))
        }
        $lastDay | Where-Object { $_.UserPrincipalName -eq 'bob.expired@contoso.com' -and $_.ErrorCode -eq 50055 } | Should -Not -BeNullOrEmpty
        $lastDay | Where-Object { $_.UserPrincipalName -eq 'nick.locked@contoso.com' -and $_.ErrorCode -eq 50053 } | Should -Not -BeNullOrEmpty
        ($lastDay | Where-Object ErrorCode -EQ 50055 | Select-Object -First 1).Title | Should -Be 'InvalidPasswordExpiredPassword'
    }

    It 'summarises per code: the lockout hits one user, the wrong passwords two' {
        $lockout = $lastDaySummary | Where-Object Key -EQ 'AADSTS50053'
        $wrongPassword = $lastDaySummary | Where-Object Key -EQ 'AADSTS50126'

        $lockout.Count | Should -Be 3
        $lockout.DistinctUsers | Should -Be 1
        $wrongPassword.Count | Should -Be 16
        $wrongPassword.DistinctUsers | Should -Be 2
    }

    It 'keeps only the user given with -UserId' {
        $nick = @(Get-AadSignInFailure -UserId nick.locked@contoso.com)

        $nick.Count | Should -Be 13
        $nick | ForEach-Object { $_.UserPrincipalName | Should -Be 'nick.locked@contoso.com' }
        @($nick.ErrorCode | Sort-Object -Unique) | Should -Be @(50053, 50126)
    }

    It 'keeps only the code given with -ErrorCode' {
        $lockouts = @(Get-AadSignInFailure -ErrorCode 50053)

        $lockouts.Count | Should -Be 3
        $lockouts | ForEach-Object { $_.UserPrincipalName | Should -Be 'nick.locked@contoso.com' }
    }

    It 'keeps only the app given with -AppId, by name or by id' {
        $byName = @(Get-AadSignInFailure -AppId 'Microsoft Outlook')
        $byId = @(Get-AadSignInFailure -AppId '27922004-5251-4030-b22d-91ecd9a37ea4')

        $byName.Count | Should -BeGreaterThan 0
        $byName | ForEach-Object { $_.UserPrincipalName | Should -Be 'olivia.stalecreds@contoso.com' }
        @($byId.RequestId | Sort-Object) | Should -Be @($byName.RequestId | Sort-Object)
    }

    It 'reads further back with -Days and includes successes with -IncludeSuccess' {
        $judy = @(Get-AadSignInFailure -UserId judy.disabled@contoso.com -Days 7)
        $alice = @(Get-AadSignInFailure -UserId alice.ready@contoso.com -Days 7 -IncludeSuccess)

        $judy.Count | Should -Be 2
        $judy | ForEach-Object { $_.ErrorCode | Should -Be 50057 }
        $alice.Count | Should -Be 5
        $alice | ForEach-Object { $_.Succeeded | Should -BeTrue }
    }
}

Describe 'Get-AadSignInFailure from Graph in a tenant without Entra ID P1 or P2' {
    BeforeAll {
        # An opaque token: the module can't tell its permissions, so Graph answers (403, no licence).
        $basic = Start-AadstsTestEmulator -Token 'emulator-token' -NoPremium -Connect
    }

    AfterAll {
        $basic | Stop-AadstsGraphEmulator
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'reports the missing licence as PermissionDenied, with what it needs' {
        $failures = Get-AadSignInFailure -ErrorVariable errors -ErrorAction SilentlyContinue

        $failures | Should -BeNullOrEmpty
        $errors | Format-AadstsErrorRecord | Should -Be "SignInLogUnavailable PermissionDenied on 'auditLogs/signIns'"
        $errors[0].Exception.Message | Should -Match 'P1 or P2'
        $errors[0].Exception.Message | Should -Match 'request-id'
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'P1 or P2'
    }
}

Describe 'Get-AadSignInFailure from Graph without AuditLog.Read.All' {
    AfterAll {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'stops before reading, naming the permission and the role' {
        $null = Connect-AadstsTestGraph -Emulator $Emulator -Token (New-AadstsTestToken -Scope 'User.Read.All', 'Domain.Read.All')

        $thrown = { Get-AadSignInFailure } | Should -Throw -ErrorId 'SignInLogUnavailable,*' -PassThru

        [string]$thrown.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $thrown.Exception.Message | Should -Match 'AuditLog\.Read\.All'
        $thrown.ErrorDetails.RecommendedAction | Should -Match 'Reports Reader'
    }
}

Describe 'Get-AadSignInFailure format views' {
    BeforeAll {
        $failures = @(Get-AadSignInFailure -Path $SampleCsv -ErrorCode 50053)
        $summary = @(Get-AadSignInFailure -Path $SampleCsv -Summary)
    }

    It 'has table and list views for failures and for summaries' {
        foreach ($typeName in 'AadstsTools.SignInFailure', 'AadstsTools.SignInFailureSummary') {
            $controls = (Get-FormatData -TypeName $typeName).FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name }
            $controls | Should -Contain 'TableControl' -Because "$typeName has a table view"
            $controls | Should -Contain 'ListControl' -Because "$typeName has a list view"
        }
    }

    It 'shows one line per failure with time, code, user, app, address and reason' {
        $table = $failures | Out-String -Width 300

        $table | Should -Match 'Time \(UTC\)\s+Code\s+User\s+App\s+IP address\s+Reason'
        $table | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d\s+AADSTS50053\s+\S+@contoso\.example\s+'
        $table | Should -Match 'IdsLocked'
    }

    It 'lists one failure with its reason, IDs, meaning and fix' {
        $list = $failures[0] | Format-List | Out-String -Width 300

        $list | Should -Match 'Code\s*:\s*AADSTS50053 IdsLocked'
        $list | Should -Match 'Failure reason\s*:'
        $list | Should -Match 'Correlation ID\s*:\s*[0-9a-f-]{36}'
        $list | Should -Match 'What it means\s*:'
        $list | Should -Match 'Fix\s*:\s*Reset-AadUserPassword'
        $list | Should -Match 'Read from\s*:'
    }

    It 'shows one line per summary row with counts, last seen, code and patterns' {
        $table = $summary | Out-String -Width 300

        $table | Should -Match 'Key\s+Count\s+Users\s+Apps\s+Last seen \(UTC\)\s+Code\s+Patterns'
        $table | Should -Match 'AADSTS50126\s+\d+\s+\d+\s+\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+InvalidUserNameOrPassword\s+.*Spike'
    }

    It 'lists a summary row with its top users, fix and the reason for each pattern' {
        $list = $summary | Where-Object Key -EQ 'AADSTS50053' | Format-List | Out-String -Width 300

        $list | Should -Match 'Top users\s*:'
        $list | Should -Match 'Fix\s*:\s*Reset-AadUserPassword'
        $list | Should -Match 'Patterns\s*:\s*! Lockout: '
    }
}

Describe 'Get-AadSignInFailure help' {
    It 'describes every parameter' {
        Get-AadstsUndocumentedParameter Get-AadSignInFailure | Should -BeNullOrEmpty
    }

    It 'says -Path takes pipeline input by value and by property name' {
        $pipelineInput = (Get-Help Get-AadSignInFailure -Parameter Path).pipelineInput

        $pipelineInput | Should -Match 'ByValue'
        $pipelineInput | Should -Match 'ByPropertyName'
    }

    It 'has examples for a summary, a grouping, a code, a folder of downloads and -DateOrder' {
        $code = Get-AadstsExampleCode Get-AadSignInFailure

        foreach ($usage in '-Summary', '-GroupBy', '-ErrorCode', 'Get-ChildItem', '-DateOrder') {
            $code | Should -Match ([regex]::Escape($usage)) -Because "an example should show $usage"
        }
    }
}
