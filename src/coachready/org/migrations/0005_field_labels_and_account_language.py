from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('org', '0004_person_language'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='language',
            field=models.CharField(blank=True, choices=[('en', 'English'), ('es', 'Español'), ('zh-hant', '繁體中文'), ('zh-hans', '简体中文')], max_length=10, verbose_name='language'),
        ),
        migrations.AlterField(
            model_name='person',
            name='birth_date',
            field=models.DateField(blank=True, null=True, verbose_name='birth date'),
        ),
        migrations.AlterField(
            model_name='person',
            name='email',
            field=models.EmailField(blank=True, max_length=254, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='person',
            name='first_name',
            field=models.CharField(max_length=80, verbose_name='first name'),
        ),
        migrations.AlterField(
            model_name='person',
            name='language',
            field=models.CharField(blank=True, choices=[('en', 'English'), ('es', 'Español'), ('zh-hant', '繁體中文'), ('zh-hans', '简体中文')], max_length=10, verbose_name='language'),
        ),
        migrations.AlterField(
            model_name='person',
            name='last_name',
            field=models.CharField(max_length=80, verbose_name='last name'),
        ),
        migrations.AlterField(
            model_name='person',
            name='phone',
            field=models.CharField(blank=True, max_length=40, verbose_name='phone'),
        ),
        migrations.AlterField(
            model_name='person',
            name='preferred_name',
            field=models.CharField(blank=True, max_length=80, verbose_name='preferred name'),
        ),
        migrations.AlterField(
            model_name='person',
            name='status',
            field=models.CharField(choices=[('active', 'Registered volunteer'), ('prospect', 'Interested (not yet registered)'), ('inactive', 'Inactive')], default='active', max_length=12, verbose_name='status'),
        ),
    ]
